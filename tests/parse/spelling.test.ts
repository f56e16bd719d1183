// Misspelled section words: a bounded Damerau–Levenshtein distance against the section vocabulary,
// only for long words, never for real words that happen to be close.
import fc from 'fast-check';
import { correctSectionWords, editDistance, sectionWord } from '../../src/parse/spelling';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('responsibilities', 'responsibilities')).toBe(0);
    expect(editDistance('responsibilites', 'responsibilities')).toBe(1); // brand-designer: a dropped i
    expect(editDistance('responsibilties', 'responsibilities')).toBe(1); // backend Geo: a dropped i
    expect(editDistance('requirmenets', 'requirements')).toBe(2); // two swaps
    expect(editDistance('reqiurements', 'requirements')).toBe(1); // one swap
  });

  it('stops at max + 1 once the distance must exceed the bound', () => {
    expect(editDistance('responsibilities', 'requirements', 2)).toBe(3);
    expect(editDistance('ab', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric and bounded by the longer length (bounded runs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b, 20);
        expect(editDistance(b, a, 20)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 200 },
    );
  });
});

describe('sectionWord', () => {
  it('answers a repeated word the same way (answers are remembered per word)', () => {
    for (let round = 0; round < 2; round++) {
      expect(sectionWord('responsibilites')).toBe('responsibilities');
      expect(sectionWord('retirement')).toBeNull();
      expect(sectionWord('engineering')).toBeNull();
      expect(sectionWord('requirements')).toBe('requirements');
    }
  });

  it('reads the corpus misspellings as the section word', () => {
    expect(sectionWord('responsibilites')).toBe('responsibilities');
    expect(sectionWord('responsibilties')).toBe('responsibilities');
    expect(sectionWord('territores')).toBe('territories');
    expect(sectionWord('qualificatons')).toBe('qualifications');
  });

  it('leaves short words and real words near a section word alone', () => {
    expect(sectionWord('grade')).toBeNull();
    expect(sectionWord('specialist')).toBeNull(); // a role: "Team Member Relations Specialist"
    expect(sectionWord('retirement')).toBeNull(); // a benefit, not "requirement"
    expect(sectionWord('especially')).toBeNull();
    expect(sectionWord('engineering')).toBeNull();
  });

  it('corrects word by word inside a heading key', () => {
    expect(correctSectionWords('associate responsibilites')).toBe('associate responsibilities');
    expect(correctSectionWords('team member relations specialist')).toBe('team member relations specialist');
  });
});
