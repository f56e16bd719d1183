import { reportsToResolves } from '../../../src/index/lint';
import { corpusPage, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');
const HV = seedPage('high-velocity-sales-and-first-orders.md');

describe('reports-to-resolves', () => {
  test('ok: "reports to the SMB Regional Manager" finds "Regional Manager, SMB"', () => {
    const issues = reportsToResolves.check(snapshotOf([HV]));
    expect(issues.map((i) => i.roleId)).not.toContain('sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead');
  });

  test('ok: the VP reports to the Chief Revenue Officer, present in the handbook', () => {
    const cro = corpusPage('zy-1008a37', 'content/job-families/sales/chief-revenue-officer.md');
    expect(reportsToResolves.check(snapshotOf([VP, cro]))).toEqual([]);
  });

  test('not ok: managers that no page describes', () => {
    expect(reportsToResolves.check(snapshotOf([VP]))).toEqual([
      {
        ruleId: 'reports-to-resolves',
        severity: 'WARNING',
        message: '"VP of Commercial Sales" reports to "Chief Revenue Officer", which matches no role title',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: 'sales/vp-of-commercial-sales#vp-of-commercial-sales',
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: 1,
      },
    ]);
    expect(reportsToResolves.check(snapshotOf([HV])).map((i) => [i.line, i.message])).toEqual([
      [72, '"Regional Manager, SMB" reports to "Senior Director, High Velocity Sales & First Orders", which matches no role title'],
      [109, '"Senior Regional Manager, SMB" reports to "Senior Director, High Velocity Sales & First Orders", which matches no role title'],
      [184, '"New Logo Sales Manager" reports to "Sr Sales Director", which matches no role title'],
    ]);
  });
});
