import { RawLogParser, toPathChange } from '../../src/git/rawLogParser';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

function parse(tokens: string[]) {
  const parser = new RawLogParser();
  for (const token of tokens) parser.token(token);
  return parser.steps;
}

const header = (sha: string, parents: string, message: string) => [`\x1e${sha}`, parents, 'Ann', 'ann@x', '2021-01-01T00:00:00+00:00', message];

describe('RawLogParser', () => {
  it('parses headers and raw entries as git -z prints them', () => {
    const steps = parse([
      ...header(A, '', 'first\n'),
      '',
      `\n:000000 100644 ${Z} ${A} A`,
      'c/a b.md',
      ...header(B, A, 'second\n\nbody\n'),
      '',
      ...header('c'.repeat(40), B, 'third\n'),
      '',
      `\n:100644 100644 ${A} ${A} R100`,
      'c/a b.md',
      'c/\x1enew.md',
      `:100644 000000 ${B} ${Z} D`,
      'c/gone.md',
    ]);
    expect(steps.map((s) => [s.commit.position, s.commit.message, s.commit.parents])).toEqual([
      [0, 'first', []],
      [1, 'second\n\nbody', [A]],
      [2, 'third', [B]],
    ]);
    expect(steps[0].changes).toEqual([{ status: 'A', oldPath: null, newPath: 'c/a b.md', oldBlob: null, newBlob: A }]);
    expect(steps[1].changes).toEqual([]);
    expect(steps[2].changes).toEqual([
      { status: 'R', oldPath: 'c/a b.md', newPath: 'c/\x1enew.md', oldBlob: A, newBlob: A },
      { status: 'D', oldPath: 'c/gone.md', newPath: null, oldBlob: B, newBlob: null },
    ]);
  });

  it('throws on output it does not understand', () => {
    expect(() => parse(['garbage'])).toThrow(/unexpected git log output/);
  });
});

describe('toPathChange', () => {
  const entry = (oldMode: string, newMode: string, oldBlob: string, newBlob: string, letter: string, paths: string[]) => ({
    oldMode, newMode, oldBlob, newBlob, letter, paths, pathCount: paths.length,
  });

  it('maps type changes by which side is a regular file', () => {
    expect(toPathChange(entry('100644', '120000', A, B, 'T', ['x']))).toMatchObject({ status: 'D', oldPath: 'x', newPath: null });
    expect(toPathChange(entry('120000', '100644', A, B, 'T', ['x']))).toMatchObject({ status: 'A', oldPath: null, newPath: 'x' });
    expect(toPathChange(entry('000000', '160000', Z, A, 'A', ['sub']))).toBeNull();
    expect(toPathChange(entry('100644', '100755', A, A, 'M', ['x']))).toMatchObject({ status: 'M' });
  });

  it('treats a copy as an add of the new path only', () => {
    expect(toPathChange(entry('100644', '100644', A, A, 'C', ['src', 'dst']))).toEqual({
      status: 'A', oldPath: null, newPath: 'dst', oldBlob: null, newBlob: A,
    });
  });
});
