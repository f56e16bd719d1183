import { gradeInRange } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');

describe('grade-in-range', () => {
  test('ok: real grades 6..12, and a half step', () => {
    expect(gradeInRange.check(snapshotOf([VP, seedPage('high-velocity-sales-and-first-orders.md')]))).toEqual([]);
    expect(gradeInRange.check(snapshotOf([edit(VP, 'grade 12', 'grade 9.5')]))).toEqual([]);
  });

  test('not ok: grade 42', () => {
    expect(gradeInRange.check(snapshotOf([edit(VP, 'grade 12', 'grade 42')]))).toEqual([
      {
        ruleId: 'grade-in-range',
        severity: 'ERROR',
        message: '"VP of Commercial Sales" has grade 42, outside 1..20',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: 'sales/vp-of-commercial-sales#vp-of-commercial-sales',
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: 1,
      },
    ]);
  });

  test('not ok: grade 0 and a quarter step', () => {
    expect(gradeInRange.check(snapshotOf([edit(VP, 'grade 12', 'grade 0')])).map((i) => i.message)).toEqual([
      '"VP of Commercial Sales" has grade 0, outside 1..20',
    ]);
    expect(gradeInRange.check(snapshotOf([edit(VP, 'grade 12', 'grade 9.25')])).map((i) => i.message)).toEqual([
      '"VP of Commercial Sales" has grade 9.25; grades come in whole or half steps',
    ]);
  });
});
