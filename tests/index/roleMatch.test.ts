// The retitle matcher on parsed handbook pages: content decides, ties and weak overlaps stay apart.
import fs from 'node:fs';
import path from 'node:path';
import { jaccard, matchRetitles, normaliseItem, renameScore } from '../../src/index/roleMatch';
import { FIXTURES_DIR } from '../helpers/makeRepo';
import { page } from './realPages';

const TAM_TEXT = fs.readFileSync(path.join(FIXTURES_DIR, 'renames', 'technical-account-manager.md'), 'utf8');
const roles = (text: string) => page('content/job-families/sales/technical-account-manager.md', text).family.roles;
const [tam, senior, manager] = roles(TAM_TEXT);
const [csm, seniorCsm, csmManager] = roles(TAM_TEXT.replaceAll('Technical Account Manage', 'Customer Success Manage'));

describe('matchRetitles', () => {
  it('pairs each retitled role with its new title, whatever the titles say', () => {
    expect(csm.title).toBe('Customer Success Manager');
    const pairs = matchRetitles([tam, senior, manager], [csmManager, seniorCsm, csm]);
    expect(pairs.map(([a, b]) => [a.title, b.title])).toEqual([
      ['Technical Account Manager', 'Customer Success Manager'],
      ['Senior Technical Account Manager', 'Senior Customer Success Manager'],
      ['Manager, Technical Account Management', 'Manager, Customer Success Management'],
    ]);
  });

  it('leaves a tie ambiguous: two equally good candidates pair with neither', () => {
    const twin = { ...csm, id: `${csm.id}-2`, title: 'Customer Success Manager II' };
    expect(matchRetitles([tam], [csm, twin])).toEqual([]);
    expect(matchRetitles([tam, { ...tam, id: `${tam.id}-2` }], [csm])).toEqual([]);
  });

  it('refuses roles whose items overlap less than half, or that moved ladder position and grade', () => {
    expect(renameScore(tam, seniorCsm)).toBeNull();
    expect(renameScore(tam, { ...csm, order: tam.order + 2, grade: (tam.grade ?? 0) + 1 })).toBeNull();
    // Same grade, far away in the ladder: still the same role.
    expect(renameScore(tam, { ...csm, order: tam.order + 2 })).toBe(1);
    expect(matchRetitles([tam], [seniorCsm])).toEqual([]);
  });
});

describe('jaccard and normaliseItem', () => {
  it('compares bullets blind to case, spacing and punctuation; two empty sets are no evidence', () => {
    expect(normaliseItem('  Own the  relationship, end-to-end! ')).toBe('own the relationship end to end');
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
