// ladder(...) through the schema on the rename history (tests/index/renameHistory.ts): the overview
// levels, and compare mode, where a retitle followed through the role chain is one MOVED role.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRolegraphSchema } from '../../src/graphql';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer } from '../../src/index/indexer';
import type { Indexer } from '../../src/index/types';
import type { TestRepo } from '../helpers/makeRepo';
import { CSM, CSM_MANAGER, DX_MOVED, SENIOR_CSM, makeRenameHistory } from '../index/renameHistory';
import { runner, type Runner } from './sampleHandbook';

let repo: TestRepo;
let shas: string[];
let indexer: Indexer;
let cacheDir: string;
let run: Runner;

beforeAll(async () => {
  ({ repo, shas } = makeRenameHistory());
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-ladder-'));
  indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, url: repo.dir, branch: 'main' });
  await indexer.refresh();
  run = runner(await buildRolegraphSchema(), indexer);
});

afterAll(async () => {
  await indexer.close();
  repo.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('draws departments, then families, as summary groups', async () => {
  const result = await run(`{
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
  const result = await run(`{ ladder(from: "${shas[1]}", to: "${shas[4]}") { nodes { key } changes { role { key } change aspects group } changeSummary } }`);
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
  const result = await run(`{
    families: ladder(level: FAMILIES, from: "${shas[0]}", to: "${shas[2]}") { groups { id changeCount } changes { group } changeSummary }
    same: ladder(from: "${shas[2]}", at: "${shas[2]}") { changes { change } changeSummary }
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
  const result = await run(`{ ladder(from: "${shas[0]}", to: "${shas[1]}", at: "${shas[1]}") { level } }`);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
