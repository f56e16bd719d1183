import { BadUserInputError } from '../../src/index/errors';
import {
  createSearchIndex,
  searchIndexFor,
  searchSnapshot,
  SEARCH_FIRST_DEFAULT,
  SEARCH_FIRST_MAX,
} from '../../src/index/search';
import { corpusPage, seedPages, snapshotOf } from '../helpers/snapshotOf';

const HV = 'sales/high-velocity-sales-and-first-orders';

// The five seeds plus two corpus families with many roles, so caps have something to cut.
const snapshot = snapshotOf([
  ...seedPages(),
  corpusPage('zy-320d882', 'content/job-families/engineering/development/backend/_index.md'),
  corpusPage('ss-0246753', 'content/job-families/people-group/recruiter.md'),
]);

describe('createSearchIndex', () => {
  const index = createSearchIndex(snapshot);

  test('"advocate" ranks the two SMB Advocate roles first, by title', () => {
    const hits = index.search('advocate');
    expect(hits.slice(0, 2).map((h) => h.roleId).sort()).toEqual([`${HV}#smb-advocate`, `${HV}#smb-advocate-team-lead`]);
    // Scores come sorted, highest first.
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  test('a prefix finds the same roles', () => {
    const hits = index.search('advoc');
    expect(hits.slice(0, 2).map((h) => h.roleId).sort()).toEqual([`${HV}#smb-advocate`, `${HV}#smb-advocate-team-lead`]);
  });

  test('one typo is forgiven (fuzzy 0.2)', () => {
    expect(index.search('advocat').slice(0, 2).map((h) => h.roleId).sort()).toEqual([
      `${HV}#smb-advocate`,
      `${HV}#smb-advocate-team-lead`,
    ]);
    const managers = index.search('managr').map((h) => h.roleId);
    expect(managers).toContain(`${HV}#regional-manager-smb`);
    expect(managers).toContain(`${HV}#new-logo-sales-manager`);
  });

  test('a word in no role finds nothing', () => {
    expect(index.search('zzzqqqxx')).toEqual([]);
  });

  test('the snippet is the matching bullet, plain text, and contains the term', () => {
    const hit = index.search('onboarding process').find((h) => h.roleId === `${HV}#smb-advocate-team-lead`);
    expect(hit?.snippet).toBe('Help design and run the onboarding process for new starters');
    for (const h of index.search('advocate')) {
      expect(h.snippet).not.toBeNull();
      expect(h.snippet!.toLowerCase()).toContain('advoca');
      expect(h.snippet!.length).toBeLessThanOrEqual(160);
      expect(h.snippet).not.toMatch(/<[a-z]/i);
    }
  });

  test('a long matching bullet is cut around the match with ellipses', () => {
    const hit = index.search('credibility').find((h) => h.roleId === `${HV}#smb-advocate`);
    // The bullet: "Training & Certifications: Acquire industry standard certifications to build up credibility as an advocate and a technical expert" (130 chars) fits whole.
    expect(hit?.snippet).toBe(
      'Training & Certifications: Acquire industry standard certifications to build up credibility as an advocate and a technical expert',
    );
    const long = index.search('lifecycle').find((h) => h.roleId === `${HV}#smb-advocate`);
    expect(long?.snippet).toMatch(/^….*lifecycle.*…?$/);
    expect(long!.snippet!.length).toBeLessThanOrEqual(160);
  });

  test('roles are searchable by family title', () => {
    const ids = index.search('High Velocity', { first: 100 }).map((h) => h.roleId);
    for (const slug of ['smb-advocate', 'new-logo-sales-manager']) expect(ids).toContain(`${HV}#${slug}`);
  });
});

describe('search arguments', () => {
  const index = createSearchIndex(snapshot);

  test.each(['', '   ', '\n\t'])('empty text %j is a BAD_USER_INPUT error', (text) => {
    expect(() => index.search(text)).toThrow(BadUserInputError);
    expect(() => index.search(text)).toThrow('search text must not be empty');
  });

  test('text over 500 characters is refused, 500 is fine', () => {
    expect(() => index.search('a'.repeat(501))).toThrow('search text must be at most 500 characters, got 501');
    expect(() => index.search('sales '.repeat(83) + 'sa')).not.toThrow();
  });

  test('first defaults to 20 and is capped at 100', () => {
    const all = index.search('the', { first: 1000 });
    expect(SEARCH_FIRST_DEFAULT).toBe(20);
    expect(SEARCH_FIRST_MAX).toBe(100);
    expect(snapshot.roles.length).toBeGreaterThan(20);
    expect(index.search('the')).toHaveLength(20);
    expect(all.length).toBeGreaterThan(20);
    expect(all.length).toBeLessThanOrEqual(100);
    expect(index.search('the', { first: 3 })).toEqual(all.slice(0, 3));
    expect(index.search('the', { first: null })).toHaveLength(20);
  });

  test.each([0, -1, 2.5])('first %p is a BAD_USER_INPUT error', (first) => {
    expect(() => index.search('sales', { first })).toThrow(BadUserInputError);
  });
});

describe('searchSnapshot', () => {
  test('builds one index per snapshot and reuses it', () => {
    const fresh = snapshotOf(seedPages());
    expect(searchIndexFor(fresh)).toBe(searchIndexFor(fresh));
    expect(searchIndexFor(fresh)).not.toBe(searchIndexFor(snapshot));
    expect(searchSnapshot(fresh, 'advocate', 1).map((h) => h.roleId)).toHaveLength(1);
  });

  test('answers only from its own snapshot', () => {
    const onlyVp = snapshotOf([seedPages()[4]]);
    expect(onlyVp.roles.map((r) => r.id)).toEqual(['sales/vp-of-commercial-sales#vp-of-commercial-sales']);
    expect(searchSnapshot(onlyVp, 'advocate')).toEqual([]);
    expect(searchSnapshot(onlyVp, 'forecasting').map((h) => h.roleId)).toEqual(['sales/vp-of-commercial-sales#vp-of-commercial-sales']);
  });

  test('bad arguments are refused before an index is built', () => {
    const fresh = snapshotOf([seedPages()[4]]);
    expect(() => searchSnapshot(fresh, ' ')).toThrow(BadUserInputError);
  });
});
