import { ladderPicture } from '../../src/index/ladderPicture';
import { selectLadder } from '../../src/index/ladderSelection';
import { seedPages, snapshotOf } from '../helpers/snapshotOf';

const snapshot = snapshotOf(seedPages());
const all = selectLadder(snapshot, null, null);

describe('ladderPicture', () => {
  test('DEPARTMENTS: one group for the department, no roles, no edges inside it', () => {
    const picture = ladderPicture(snapshot, all, { level: 'DEPARTMENTS' });
    expect(picture.nodes).toEqual([]);
    expect(picture.edges).toEqual([]);
    expect(picture.groupEdges).toEqual([]);
    expect(picture.groups).toEqual([
      { id: 'department:sales', kind: 'DEPARTMENT', key: 'sales', title: 'sales', department: 'sales', lowestGrade: 6, highestGrade: 12, roleCount: all.nodes.length, familyCount: 5, changeCount: 0 },
    ]);
  });

  test('FAMILIES: a group per family with its grade range and roles; ladder links between families counted', () => {
    const picture = ladderPicture(snapshot, all, { level: 'FAMILIES' });
    expect(picture.nodes).toEqual([]);
    expect(picture.groups.map((g) => [g.id, g.title, g.lowestGrade, g.highestGrade, g.roleCount])).toEqual(GROUPS);
    // Level order stays inside a family box; only career-ladder links cross.
    expect(picture.groupEdges.every((e) => e.kind === 'LADDER_LINK')).toBe(true);
    const hvToAe = picture.groupEdges.find((e) => e.from === 'family:sales/high-velocity-sales-and-first-orders' && e.to === 'family:sales/account-executive');
    expect(hvToAe?.count).toBe(6); // each of the six SMB roles steps to the account executives' entry role
  });

  test('ROLES beyond collapseAbove: expanded families stay roles, the others are one box each', () => {
    const expanded = new Set(['sales/high-velocity-sales-and-first-orders']);
    const picture = ladderPicture(snapshot, all, { level: 'ROLES', collapseAbove: 5, expanded });
    expect(new Set(picture.nodes.map((r) => r.familySlug))).toEqual(expanded);
    expect(picture.groups.map((g) => g.key)).toEqual(GROUPS.map(([id]) => (id as string).slice('family:'.length)).filter((slug) => !expanded.has(slug)));
    expect(picture.groupEdges).toContainEqual({ from: 'sales/high-velocity-sales-and-first-orders#smb-advocate', to: 'family:sales/account-executive', kind: 'LADDER_LINK', count: 1 });
    expect(picture.edges.every((e) => e.kind === 'LEVEL_ORDER')).toBe(true);
  });

  test('ROLES within collapseAbove (or without it) draws every role', () => {
    expect(ladderPicture(snapshot, all, { level: 'ROLES', collapseAbove: all.nodes.length }).nodes).toHaveLength(all.nodes.length);
    expect(ladderPicture(snapshot, all, { level: 'ROLES' }).groups).toEqual([]);
  });
});

/** The five seed families: id, title, lowest and highest grade, roles (read off the pages). */
const GROUPS: Array<[string, string, number | null, number | null, number]> = [
  ['family:sales/account-executive', 'Commercial Account Executive Job Family', 7, 7, 2],
  ['family:sales/high-velocity-sales-and-first-orders', 'High Velocity Sales and First Orders', 6, 9, 6],
  ['family:sales/inside-sales-mid-market', 'Inside Sales, Mid-Market', null, null, 1],
  ['family:sales/regional-sales-director', 'Director, Regional Sales', 10, 10, 1],
  ['family:sales/vp-of-commercial-sales', 'Vice President of Commerical Sales (Mid-Market and SMB)', 12, 12, 1],
];

describe('ladderPicture, collapsing by department', () => {
  const pages = seedPages();
  // A second department: the VP's page under marketing/, so the seeds span two departments.
  const moved = pages.map((p) => (p.path.endsWith('vp-of-commercial-sales.md') ? { ...p, path: p.path.replace('/sales/', '/marketing/') } : p));
  const snap = snapshotOf(moved);
  const every = selectLadder(snap, null, null);

  test('too many family boxes: families of other departments than the expanded ones sum up per department', () => {
    const expanded = new Set(['sales/high-velocity-sales-and-first-orders']);
    // 6 roles kept + 4 collapsed families = 10 boxes > 8: marketing becomes one box, sales keeps a box per family.
    const picture = ladderPicture(snap, every, { level: 'ROLES', collapseAbove: 8, expanded });
    expect(picture.groups.map((g) => g.id)).toEqual(['department:marketing', 'family:sales/account-executive', 'family:sales/inside-sales-mid-market', 'family:sales/regional-sales-director']);
    expect(picture.nodes).toHaveLength(6);
  });

  test('a department named in `expanded` keeps a box per family', () => {
    const expanded = new Set(['sales/high-velocity-sales-and-first-orders', 'marketing']);
    const picture = ladderPicture(snap, every, { level: 'ROLES', collapseAbove: 8, expanded });
    expect(picture.groups.map((g) => g.id)).toContain('family:marketing/vp-of-commercial-sales');
  });
});
