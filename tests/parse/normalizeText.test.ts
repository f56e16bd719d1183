// tidy: the shape of every stored string — whitespace and HTML comments collapsed to one space, trimmed.
import { tidy } from '../../src/parse/normalizeText';

it('collapses whitespace runs and the comments inside them into one space, and trims', () => {
  expect(tidy('  Drives  the sales\n\tprocess  ')).toBe('Drives the sales process');
  expect(tidy('a <!-- markdownlint-disable --> b')).toBe('a b');
  expect(tidy('a<!-- x -->b')).toBe('a b');
  expect(tidy(' <!-- a -->  <!--b-->\n c ')).toBe('c');
  expect(tidy('<!<!-- x -->-- y -->')).toBe('<! -- y -->');
});

it('leaves a comment longer than its bound as text (the bound keeps the scan linear)', () => {
  const long = `<!-- ${'x'.repeat(2100)} -->`;
  expect(tidy(`a ${long} b`)).toBe(`a ${long} b`);
});
