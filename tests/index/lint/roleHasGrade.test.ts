import { roleHasGrade } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

describe('role-has-grade', () => {
  test('ok: every high-velocity role states a grade', () => {
    expect(roleHasGrade.check(snapshotOf([seedPage('high-velocity-sales-and-first-orders.md')]))).toEqual([]);
  });

  test('not ok: the inside-sales seed states no grade at all', () => {
    expect(roleHasGrade.check(snapshotOf([seedPage('inside-sales-mid-market.md')]))).toEqual([
      {
        ruleId: 'role-has-grade',
        severity: 'WARNING',
        message: '"Inside Sales, Mid-Market" has no job grade',
        familySlug: 'sales/inside-sales-mid-market',
        roleId: 'sales/inside-sales-mid-market#inside-sales-mid-market',
        path: 'content/job-families/sales/inside-sales-mid-market.md',
        line: 1,
      },
    ]);
  });

  test('not ok: a grade link without a number', () => {
    const page = edit(seedPage('vp-of-commercial-sales.md'), '[grade 12]', '[grade]');
    expect(roleHasGrade.check(snapshotOf([page])).map((i) => i.message)).toEqual(['"VP of Commercial Sales" has no job grade']);
  });
});
