// ladder(...) through the schema on the rename history (tests/index/renameHistory.ts): the overview
// levels, and compare mode, where a retitle followed through the role chain is one MOVED role.
import { CSM, CSM_MANAGER, DX_MOVED, SENIOR_CSM, makeRenameHistory } from '../index/renameHistory';
import { indexedHistory } from './sampleHandbook';

const history = indexedHistory(makeRenameHistory);

it('draws departments, then families, as summary groups', async () => {
  const result = await history.run(`{
    top: ladder(level: DEPARTMENTS) { level nodes { key } groups { id kind key roleCount familyCount } }
    sales: ladder(level: FAMILIES, department: "sales") { groups { id title lowestGrade highestGrade roleCount } }
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    top: {
      level: 'DEPARTMENTS',
      nodes: [],
      groups: [
        { id: 'department:product', kind: 'DEPARTMENT', key: 'product', roleCount: 1, familyCount: 1 },
        { id: 'department:sales', kind: 'DEPARTMENT', key: 'sales', roleCount: 3, familyCount: 1 },
      ],
    },
    sales: { groups: [{ id: 'family:sales/technical-account-manager', title: 'Customer Success Manager', lowestGrade: 7, highestGrade: 9, roleCount: 3 }] },
  });
});

it('marks exactly the retitled roles between two commits, each one role under its new key, with a summary', async () => {
  const result = await history.run(`{ ladder(from: "${history.shas[1]}", to: "${history.shas[4]}") { nodes { key } changes { role { key } change aspects group } changeSummary } }`);
  expect(result.errors).toBeUndefined();
  const ladder = result.data!.ladder as { nodes: Array<{ key: string }>; changes: unknown[]; changeSummary: string };
  expect(ladder.nodes.map((n) => n.key).sort()).toEqual([DX_MOVED, CSM, CSM_MANAGER, SENIOR_CSM].sort());
  expect(ladder.changes).toEqual([
    { role: { key: DX_MOVED }, change: 'MOVED', aspects: ['RETITLED'], group: null },
    { role: { key: CSM }, change: 'MOVED', aspects: ['RETITLED'], group: null },
    { role: { key: CSM_MANAGER }, change: 'MOVED', aspects: ['RETITLED'], group: null },
    { role: { key: SENIOR_CSM }, change: 'MOVED', aspects: ['RETITLED'], group: null },
  ]);
  expect(ladder.changeSummary).toBe('4 retitled');
});

it('counts changes into the summary groups that hold them, and answers no changes between equal refs', async () => {
  const result = await history.run(`{
    families: ladder(level: FAMILIES, from: "${history.shas[0]}", to: "${history.shas[2]}") { groups { id changeCount } changes { group } changeSummary }
    same: ladder(from: "${history.shas[2]}", at: "${history.shas[2]}") { changes { change } changeSummary }
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    families: {
      groups: [
        { id: 'family:engineering/digital-experience', changeCount: 0 },
        { id: 'family:sales/technical-account-manager', changeCount: 3 },
      ],
      changes: Array(3).fill({ group: 'family:sales/technical-account-manager' }),
      changeSummary: '3 retitled',
    },
    same: { changes: [], changeSummary: 'no changes on the ladder' },
  });
});

it('refuses `to` together with `at`', async () => {
  const result = await history.run(`{ ladder(from: "${history.shas[0]}", to: "${history.shas[1]}", at: "${history.shas[1]}") { level } }`);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
