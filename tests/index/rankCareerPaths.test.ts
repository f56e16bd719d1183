import { rankCareerPaths } from '../../src/index/rankCareerPaths';
import { seedPage, snapshotOf } from '../helpers/snapshotOf';

// The High Velocity seed: SMB Advocate (6), SMB Advocate Team Lead (6), Regional Manager, SMB (8),
// Senior Regional Manager, SMB (9); plus the Inside Sales, Mid-Market page, whose role states no grade.
const snapshot = snapshotOf([seedPage('high-velocity-sales-and-first-orders.md'), seedPage('inside-sales-mid-market.md')]);
const HV = 'sales/high-velocity-sales-and-first-orders#';
const ADVOCATE = `${HV}smb-advocate`;
const LEAD = `${HV}smb-advocate-team-lead`;
const MANAGER = `${HV}regional-manager-smb`;
const SENIOR = `${HV}senior-regional-manager-smb`;
const INSIDE = snapshot.roles.find((r) => r.familySlug === 'sales/inside-sales-mid-market')!.id;

describe('rankCareerPaths', () => {
  it('reads the grades the seed states', () => {
    expect([ADVOCATE, LEAD, MANAGER, SENIOR].map((id) => snapshot.roleById.get(id)?.grade)).toEqual([6, 6, 8, 9]);
    expect(snapshot.roleById.get(INSIDE)?.grade).toBeNull();
  });

  it('puts a path that never steps down a grade before one that does', () => {
    const down = [ADVOCATE, SENIOR, MANAGER];
    const up = [ADVOCATE, LEAD, MANAGER];
    const ranked = rankCareerPaths(snapshot, [down, up]);
    expect(ranked.map((p) => p.ids)).toEqual([up, down]);
    expect(ranked.map((p) => [p.rank, p.gradeDrops, p.gradeGain])).toEqual([
      [1, 0, 2],
      [2, 1, 2],
    ]);
  });

  it('prefers known grades, then fewer moves, then the smoother climb', () => {
    const blind = [ADVOCATE, INSIDE, SENIOR];
    const steep = [ADVOCATE, SENIOR];
    const smooth = [ADVOCATE, MANAGER, SENIOR];
    const ranked = rankCareerPaths(snapshot, [blind, smooth, steep]);
    expect(ranked.map((p) => p.ids)).toEqual([steep, smooth, blind]);
    expect(ranked[2]).toMatchObject({ ungradedSteps: 2, gradeGain: 3, largestJump: 0 });

    const sameLength = rankCareerPaths(snapshot, [[ADVOCATE, MANAGER, SENIOR], [ADVOCATE, LEAD, SENIOR]]);
    expect(sameLength.map((p) => [p.ids[1], p.largestJump])).toEqual([
      [MANAGER, 2],
      [LEAD, 3],
    ]);
  });

  it('gives no grade gain when an end has no grade, and ranks nothing for no paths', () => {
    expect(rankCareerPaths(snapshot, [[INSIDE, SENIOR]])[0]).toMatchObject({ rank: 1, gradeGain: null, ungradedSteps: 1 });
    expect(rankCareerPaths(snapshot, [])).toEqual([]);
  });
});
