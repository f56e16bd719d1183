import { diff } from '../../src/index/diff';
import { changesInView, compareLadder, summariseLadderChanges, type LadderChange } from '../../src/index/ladderCompare';
import { selectLadder } from '../../src/index/ladderSelection';
import type { RenameMap } from '../../src/index/renameMap';
import { edit, seedPage, snapshotOf, type PageText } from '../helpers/snapshotOf';

const AE = seedPage('commercial-account-executive.md');
const HV = seedPage('high-velocity-sales-and-first-orders.md');
const HV_FAMILY = 'sales/high-velocity-sales-and-first-orders';
const NO_RENAMES: RenameMap = { roles: new Map(), families: new Map() };

function compare(before: PageText[], after: PageText[], renames: RenameMap = NO_RENAMES): Array<[string, string, string]> {
  const from = snapshotOf(before, { sha: 'a'.repeat(40) });
  const to = snapshotOf(after, { sha: 'b'.repeat(40), position: 1 });
  return compareLadder(from, to, diff(from, to, renames)).map((c) => [c.role.id, c.change, c.aspects.join('+')]);
}

describe('compareLadder', () => {
  test('a regrade is MODIFIED/REGRADED; a retitle followed through the rename is one MOVED/RETITLED role', () => {
    const after = edit(edit(HV, 'The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.'), '## Senior Regional Manager, SMB\n', '## Senior Manager, SMB Region\n');
    const renames: RenameMap = { roles: new Map([[`${HV_FAMILY}#senior-regional-manager-smb`, `${HV_FAMILY}#senior-manager-smb-region`]]), families: new Map() };
    expect(compare([AE, HV], [AE, after], renames)).toEqual([
      [`${HV_FAMILY}#senior-manager-smb-region`, 'MOVED', 'RETITLED'],
      [`${HV_FAMILY}#smb-advocate-team-lead`, 'MODIFIED', 'REGRADED'],
    ]);
  });

  test('without the rename the same retitle reads as one removed and one added role', () => {
    const after = edit(HV, '## Senior Regional Manager, SMB\n', '## Senior Manager, SMB Region\n');
    expect(compare([AE, HV], [AE, after])).toEqual([
      [`${HV_FAMILY}#senior-manager-smb-region`, 'ADDED', 'ADDED'],
      [`${HV_FAMILY}#senior-regional-manager-smb`, 'REMOVED', 'REMOVED'],
    ]);
  });

  test("a career-ladder link that leads elsewhere relinks every role of the family (six), and only them", () => {
    const after = edit(HV, '(/job-families/sales/account-executive)', '(/job-families/sales/no-such-family)');
    const changes = compare([AE, HV], [AE, after]);
    expect(changes.map(([id, change, aspects]) => [id.split('#')[0], change, aspects])).toEqual(Array(6).fill([HV_FAMILY, 'MODIFIED', 'RELINKED']));
  });

  test('a reworded bullet is not a change on the ladder', () => {
    const after = edit(HV, '### Responsibilities\n', '### Responsibilities\n\n- Answer the phone\n');
    expect(compare([AE, HV], [AE, after])).toEqual([]);
  });

  test('a family removed: each of its roles REMOVED, as it stood before', () => {
    expect(compare([AE, HV], [AE]).map(([id, change]) => [id.split('#')[0], change])).toEqual(Array(6).fill([HV_FAMILY, 'REMOVED']));
  });
});

describe('changesInView', () => {
  const from = snapshotOf([AE, HV], { sha: 'a'.repeat(40) });
  const to = snapshotOf([AE], { sha: 'b'.repeat(40), position: 1 });
  const changes = compareLadder(from, to, diff(from, to));

  test('removed roles fall in a department or family scope that holds their family', () => {
    expect(changesInView(changes, selectLadder(to, 'sales', null), { department: 'sales' }, false)).toHaveLength(6);
    expect(changesInView(changes, selectLadder(to, 'engineering', null), { department: 'engineering' }, false)).toHaveLength(0);
    expect(changesInView(changes, selectLadder(to, null, null, HV_FAMILY), { family: HV_FAMILY }, false)).toHaveLength(6);
  });

  test('around a role, only removed roles of a family it draws', () => {
    const selection = selectLadder(to, null, 'sales/account-executive#commercial-account-executive-named');
    expect(changesInView(changes, selection, {}, true)).toEqual([]);
  });
});

describe('summariseLadderChanges', () => {
  const change = (aspects: LadderChange['aspects']): LadderChange => ({ role: null as never, change: 'MODIFIED', aspects });

  test('counts per aspect, most first, ties in aspect order', () => {
    expect(summariseLadderChanges([change(['REGRADED']), change(['ADDED']), change(['REGRADED', 'RELINKED']), change(['REGRADED'])])).toBe('3 regraded, 1 added, 1 relinked');
    expect(summariseLadderChanges([change(['RETITLED'])])).toBe('1 retitled');
  });

  test('says so when nothing changed', () => {
    expect(summariseLadderChanges([])).toBe('no changes on the ladder');
  });
});
