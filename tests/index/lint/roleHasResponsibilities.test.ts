import { roleHasResponsibilities } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');
const HV = seedPage('high-velocity-sales-and-first-orders.md');

describe('role-has-responsibilities', () => {
  test('ok: every seed role lists responsibilities', () => {
    expect(roleHasResponsibilities.check(snapshotOf([VP, HV]))).toEqual([]);
  });

  test('not ok: the VP page without its Responsibilities section', () => {
    const start = VP.text.indexOf('## Responsibilities');
    const end = VP.text.indexOf('## Requirements');
    const page = edit(VP, VP.text.slice(start, end), '');
    expect(roleHasResponsibilities.check(snapshotOf([page]))).toEqual([
      {
        ruleId: 'role-has-responsibilities',
        severity: 'ERROR',
        message: '"VP of Commercial Sales" has no responsibilities',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: 'sales/vp-of-commercial-sales#vp-of-commercial-sales',
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: 1,
      },
    ]);
  });

  test('ok: a role that extends one with responsibilities; not ok once it extends nothing', () => {
    // "SMB Advocate Team Lead" (line 41) extends "SMB Advocate"; drop its own bullets.
    const start = HV.text.indexOf('- Help design and run the onboarding process');
    const end = HV.text.indexOf('### SMB Advocate Team Lead Requirements');
    const bare = edit(HV, HV.text.slice(start, end), '\n');
    expect(roleHasResponsibilities.check(snapshotOf([bare]))).toEqual([]);

    // Without both mentions of extending (prose under Responsibilities, first Requirements bullet) it stands alone.
    const alone = edit(
      edit(bare, 'role extends the responsibilities of the SMB Advocate role', 'role has responsibilities'),
      '- Extends those of the SMB Advocate requirements\n',
      '',
    );
    expect(roleHasResponsibilities.check(snapshotOf([alone])).map((i) => [i.message, i.line, i.roleId])).toEqual([
      ['"SMB Advocate Team Lead" has no responsibilities', 41, 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead'],
    ]);
  });
});
