import { roleHasRequirements } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');
const AE = seedPage('commercial-account-executive.md');

describe('role-has-requirements', () => {
  test('ok: the VP page states requirements', () => {
    expect(roleHasRequirements.check(snapshotOf([VP]))).toEqual([]);
  });

  test('not ok: "Commercial Account Executive - Named" (line 44) states none, as written in the seed', () => {
    expect(roleHasRequirements.check(snapshotOf([AE]))).toEqual([
      {
        ruleId: 'role-has-requirements',
        severity: 'WARNING',
        message: '"Commercial Account Executive - Named" has no requirements',
        familySlug: 'sales/account-executive',
        roleId: 'sales/account-executive#commercial-account-executive-named',
        path: 'content/job-families/sales/account-executive.md',
        line: 44,
      },
    ]);
  });

  test('not ok: the VP page without its Requirements section', () => {
    const start = VP.text.indexOf('## Requirements');
    const end = VP.text.indexOf('{{% job-families/sales/performance %}}');
    const page = edit(VP, VP.text.slice(start, end), '');
    expect(roleHasRequirements.check(snapshotOf([page])).map((i) => i.message)).toEqual([
      '"VP of Commercial Sales" has no requirements',
    ]);
  });
});
