import { familyHasHiringProcess } from '../../../src/index/lint';
import { corpusPage, seedPage, snapshotOf } from '../../helpers/snapshotOf';

describe('family-has-hiring-process', () => {
  test('ok: the inside-sales seed describes its hiring process', () => {
    expect(familyHasHiringProcess.check(snapshotOf([seedPage('inside-sales-mid-market.md')]))).toEqual([]);
  });

  test('ok: a department page is not a family and is skipped', () => {
    const dept = corpusPage('ss-5a5d220', 'content/job-families/sales/_index.md');
    const snapshot = snapshotOf([dept]);
    expect(snapshot.families.map((f) => f.kind)).toEqual(['department']);
    expect(familyHasHiringProcess.check(snapshot)).toEqual([]);
  });

  test('not ok: the VP seed has no hiring process', () => {
    expect(familyHasHiringProcess.check(snapshotOf([seedPage('vp-of-commercial-sales.md')]))).toEqual([
      {
        ruleId: 'family-has-hiring-process',
        severity: 'WARNING',
        message: '"Vice President of Commerical Sales (Mid-Market and SMB)" has no hiring process',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: null,
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: 1,
      },
    ]);
  });
});
