// The one rule for roles named in prose (`extends`, `reportsTo`): same family first, then the only
// role with that title in the snapshot; ambiguous → null; never the role itself.
import { extendedRole, roleByTitle } from '../../src/index/roleByTitle';
import { corpusPage, edit, seedPage, snapshotOf } from '../helpers/snapshotOf';

const BACKEND = corpusPage('zy-320d882', 'content/job-families/engineering/development/backend/_index.md');
const BACKEND_SENIOR = corpusPage('zy-1008a37', 'content/job-families/engineering/development/backend/senior.md');
const HV = seedPage('high-velocity-sales-and-first-orders.md');
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const EXTENDS_SMB_ADVOCATE = 'extends the responsibilities of the SMB Advocate role';

describe('extendedRole', () => {
  test('"extends the SMB Advocate role" finds the role of the same family', () => {
    const snapshot = snapshotOf([HV]);
    expect(extendedRole(snapshot, snapshot.roleById.get(TEAM_LEAD)!)?.id).toBe('sales/high-velocity-sales-and-first-orders#smb-advocate');
  });

  test('the same family wins over a role with the same title elsewhere', () => {
    // backend/_index.md and backend/senior.md both have a "Senior Backend Engineer".
    const snapshot = snapshotOf([BACKEND, BACKEND_SENIOR]);
    const staff = snapshot.roleById.get('engineering/development/backend#staff-backend-engineer')!;
    expect(staff.extends).toBe('Senior Backend Engineer');
    expect(extendedRole(snapshot, staff)?.id).toBe('engineering/development/backend#senior-backend-engineer');
  });

  test('a title no role of the family has resolves across the snapshot when exactly one role has it', () => {
    const hv = edit(HV, EXTENDS_SMB_ADVOCATE, 'extends the responsibilities of the Backend Engineer role');
    const snapshot = snapshotOf([hv, BACKEND]);
    const lead = snapshot.roleById.get(TEAM_LEAD)!;
    expect(lead.extends).toBe('Backend Engineer');
    expect(extendedRole(snapshot, lead)?.id).toBe('engineering/development/backend#backend-engineer');
  });

  test('two roles elsewhere with the title and none in the family: ambiguous, null', () => {
    const hv = edit(HV, EXTENDS_SMB_ADVOCATE, 'extends the responsibilities of the Senior Backend Engineer role');
    const snapshot = snapshotOf([hv, BACKEND, BACKEND_SENIOR]);
    const lead = snapshot.roleById.get(TEAM_LEAD)!;
    expect(lead.extends).toBe('Senior Backend Engineer');
    expect(extendedRole(snapshot, lead)).toBeNull();
  });
});

describe('roleByTitle', () => {
  test('"SMB Regional Manager" names "Regional Manager, SMB" (word order ignored)', () => {
    const snapshot = snapshotOf([HV]);
    expect(roleByTitle(snapshot, 'SMB Regional Manager', 'sales/high-velocity-sales-and-first-orders')?.id).toBe(
      'sales/high-velocity-sales-and-first-orders#regional-manager-smb',
    );
  });

  test('never answers the excluded role itself', () => {
    const snapshot = snapshotOf([HV]);
    const id = 'sales/high-velocity-sales-and-first-orders#regional-manager-smb';
    expect(roleByTitle(snapshot, 'Regional Manager, SMB', 'sales/high-velocity-sales-and-first-orders', id)).toBeNull();
  });
});
