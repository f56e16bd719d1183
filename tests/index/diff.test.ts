import { diff, roleFieldChanges } from '../../src/index/diff';
import { buildSnapshot } from '../../src/index/snapshot';
import { seed } from '../helpers/makeRepo';
import { commitAt, edit, page, seedPage } from './realPages';

const HV = 'high-velocity-sales-and-first-orders.md';
const ADVOCATE = 'sales/high-velocity-sales-and-first-orders#smb-advocate';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const RECRUITING = '- Participate in the recruitment process of new team members\n';

describe('roleFieldChanges', () => {
  const before = seedPage(HV).family;

  it('reports a grade change as numbers, without the wording', () => {
    const after = seedPage(HV, edit(seed(HV), 'The SMB Advocate is a [grade 6]', 'The SMB Advocate is a [grade 7]')).family;
    const a = before.roles.find((r) => r.id === ADVOCATE)!;
    const b = after.roles.find((r) => r.id === ADVOCATE)!;
    expect(roleFieldChanges(a, b)).toEqual([{ field: 'grade', before: '6', after: '7', added: [], removed: [] }]);
  });

  it('reports removed and added bullets, and ignores line shifts from edits above', () => {
    const text = edit(
      edit(seed(HV), RECRUITING, '- Mentor new SMB Advocates through their first quarter\n'),
      '## SMB Advocate\n',
      '## SMB Advocate\n\nAn extra paragraph that moves every later heading down.\n\n',
    );
    const after = seedPage(HV, text).family;
    const a = before.roles.find((r) => r.id === TEAM_LEAD)!;
    const b = after.roles.find((r) => r.id === TEAM_LEAD)!;
    expect(b.line).not.toBe(a.line);
    const changes = roleFieldChanges(a, b);
    expect(changes.map((c) => c.field)).toEqual(['responsibilities']);
    expect(changes[0].added).toEqual(['Mentor new SMB Advocates through their first quarter']);
    expect(changes[0].removed).toEqual(['Participate in the recruitment process of new team members']);
    // The regional manager further down moved lines but did not change.
    const rm = 'sales/high-velocity-sales-and-first-orders#regional-manager-smb';
    expect(roleFieldChanges(before.roles.find((r) => r.id === rm)!, after.roles.find((r) => r.id === rm)!)).toEqual([]);
  });

  it('reports reportsTo as text before and after', () => {
    const after = seedPage(HV, edit(seed(HV), 'reports to the SMB Regional Manager', 'reports to the Senior Regional Manager, SMB')).family;
    const changes = roleFieldChanges(before.roles.find((r) => r.id === TEAM_LEAD)!, after.roles.find((r) => r.id === TEAM_LEAD)!);
    // The sentence is also part of the description paragraphs, so both change.
    expect(changes.map((c) => c.field)).toEqual(['description', 'reportsTo']);
    expect(changes[1]).toEqual({ field: 'reportsTo', before: 'SMB Regional Manager', after: 'Senior Regional Manager, SMB', added: [], removed: [] });
  });
});

describe('diff', () => {
  const hv = seedPage(HV);
  const vp = seedPage('vp-of-commercial-sales.md');
  const director = seedPage('director-regional-sales.md');

  it('finds added, removed and modified families and roles with field changes', () => {
    const from = buildSnapshot(commitAt(0), [hv, vp]);
    const hvAfter = seedPage(HV, edit(seed(HV), 'The SMB Advocate is a [grade 6]', 'The SMB Advocate is a [grade 7]'));
    const to = buildSnapshot(commitAt(1), [hvAfter, director]);
    const d = diff(from, to);
    expect(d.from.sha).toBe(from.commit.sha);
    expect(d.to.sha).toBe(to.commit.sha);
    expect(d.families.map((f) => [f.slug, f.change])).toEqual([
      ['sales/director-regional-sales', 'ADDED'],
      ['sales/high-velocity-sales-and-first-orders', 'MODIFIED'],
      ['sales/vp-of-commercial-sales', 'REMOVED'],
    ]);
    expect(d.roles.map((r) => [r.id, r.change])).toEqual([
      ['sales/director-regional-sales#director-regional-sales', 'ADDED'],
      [ADVOCATE, 'MODIFIED'],
      ['sales/vp-of-commercial-sales#vp-of-commercial-sales', 'REMOVED'],
    ]);
    const advocate = d.roles.find((r) => r.id === ADVOCATE)!;
    expect(advocate.before!.grade).toBe(6);
    expect(advocate.after!.grade).toBe(7);
    expect(advocate.changes).toEqual([{ field: 'grade', before: '6', after: '7', added: [], removed: [] }]);
    const removed = d.roles.find((r) => r.change === 'REMOVED')!;
    expect(removed.after).toBeNull();
    expect(removed.before!.title).toBe(vp.family.roles[0].title);
  });

  it('reports a page moved to another path shape as a MOVED family and no role change', () => {
    const moved = page('content/job-families/sales/vp-of-commercial-sales/index.md', seed('vp-of-commercial-sales.md'));
    const d = diff(buildSnapshot(commitAt(0), [vp]), buildSnapshot(commitAt(1), [moved]));
    expect(d.families).toEqual([
      {
        slug: 'sales/vp-of-commercial-sales',
        change: 'MOVED',
        beforePath: 'content/job-families/sales/vp-of-commercial-sales.md',
        afterPath: 'content/job-families/sales/vp-of-commercial-sales/index.md',
        changes: [
          {
            field: 'path',
            before: 'content/job-families/sales/vp-of-commercial-sales.md',
            after: 'content/job-families/sales/vp-of-commercial-sales/index.md',
            added: [],
            removed: [],
          },
        ],
      },
    ]);
    expect(d.roles).toEqual([]);
  });

  it('is empty between a snapshot and itself', () => {
    const s = buildSnapshot(commitAt(0), [hv, vp, director]);
    expect(diff(s, s)).toEqual({ from: s.commit, to: s.commit, families: [], roles: [] });
  });
});
