import { uniqueRoleIds } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const HV = seedPage('high-velocity-sales-and-first-orders.md');

describe('unique-role-ids', () => {
  test('ok: the six high-velocity roles have six ids', () => {
    expect(uniqueRoleIds.check(snapshotOf([HV]))).toEqual([]);
  });

  test('not ok: a second "New Logo Account Executive" heading (line 184)', () => {
    const page = edit(HV, '## New Logo Sales Manager\n', '## New Logo Account Executive\n');
    expect(uniqueRoleIds.check(snapshotOf([page]))).toEqual([
      {
        ruleId: 'unique-role-ids',
        severity: 'ERROR',
        message:
          '"New Logo Account Executive" has the same id as "New Logo Account Executive" (line 135): sales/high-velocity-sales-and-first-orders#new-logo-account-executive',
        familySlug: 'sales/high-velocity-sales-and-first-orders',
        roleId: 'sales/high-velocity-sales-and-first-orders#new-logo-account-executive-2',
        path: 'content/job-families/sales/high-velocity-sales-and-first-orders.md',
        line: 184,
      },
    ]);
  });

  test('not ok: titles that differ only in punctuation slug alike', () => {
    const page = edit(HV, '## Senior Regional Manager, SMB\n', '## Regional Manager SMB\n');
    expect(uniqueRoleIds.check(snapshotOf([page])).map((i) => [i.line, i.message])).toEqual([
      [
        109,
        '"Regional Manager SMB" has the same id as "Regional Manager, SMB" (line 72): sales/high-velocity-sales-and-first-orders#regional-manager-smb',
      ],
    ]);
  });
});
