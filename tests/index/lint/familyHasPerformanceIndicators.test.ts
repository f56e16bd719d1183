import { familyHasPerformanceIndicators } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');

describe('family-has-performance-indicators', () => {
  test('ok: a shared include counts, and so does a section', () => {
    expect(familyHasPerformanceIndicators.check(snapshotOf([VP]))).toEqual([]);
    expect(familyHasPerformanceIndicators.check(snapshotOf([seedPage('inside-sales-mid-market.md')]))).toEqual([]);
  });

  test('not ok: the VP seed without its `{{% job-families/sales/performance %}}` include', () => {
    const page = edit(VP, '{{% job-families/sales/performance %}}\n', '');
    expect(familyHasPerformanceIndicators.check(snapshotOf([page]))).toEqual([
      {
        ruleId: 'family-has-performance-indicators',
        severity: 'WARNING',
        message: '"Vice President of Commerical Sales (Mid-Market and SMB)" has no performance indicators',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: null,
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: 1,
      },
    ]);
  });
});
