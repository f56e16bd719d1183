import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { refProblem } from '../../src/git/resolveRef';

// Strings built from the characters that matter to ref syntax, so random cases hit the edges.
const safeChar = fc.constantFrom('a', 'Z', '0', '9', '-', '.', '/', '_', 'ü', 'k', 'l', 'o', 'c');
const edgeChar = fc.constantFrom('@', '{', '}', '~', '^', ':', ' ', '\t', '\\', '*', '[', '\0', '\x7f');
const refLike = fc
  .array(fc.oneof({ arbitrary: safeChar, weight: 12 }, { arbitrary: edgeChar, weight: 1 }), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''));

function gitAccepts(ref: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--allow-onelevel', ref], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('refProblem', () => {
  it('never accepts an option, and accepts only names git check-ref-format accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(refLike, (ref) => {
        if (refProblem(ref) !== null) return;
        accepted += 1;
        expect(ref.startsWith('-')).toBe(false);
        expect(ref).not.toMatch(/[\0\s]/);
        expect(gitAccepts(ref)).toBe(true);
      }),
      { numRuns: 150, seed: 20240601 },
    );
    // The generator must reach the accepting side often enough for the check to mean something.
    expect(accepted).toBeGreaterThan(20);
  });
});
