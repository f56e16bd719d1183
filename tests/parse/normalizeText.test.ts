// tidy: the shape of every stored string — whitespace and HTML comments collapsed to one space, trimmed.
import fc from 'fast-check';
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

it('returns text that is already tidy as it is, and anything else as the full clean-up makes it', () => {
  // The clean-up as it was before tidy learned to skip tidy text: the fast path must never differ from it.
  const cleanUp = (text: string): string => text.replace(/(?:\s+|<!--[\s\S]{0,2000}?-->)+/g, ' ').trim();
  const piece = fc.constantFrom('a', 'Sales', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '<!--', '-->', '<', '!', '-', 'é');
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (text) => tidy(text) === cleanUp(text)), { numRuns: 5000 });
  expect(tidy('Drives the sales process')).toBe('Drives the sales process');
  expect(tidy('a\u00a0b')).toBe('a b');
});
