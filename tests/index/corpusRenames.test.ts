// Renames in the corpus's real 31-commit history: GitLab renamed the SMB Account Executive page to
// High Velocity Sales and First Orders (commit 20, a pure `git mv`). Its roles' histories run
// through the move, and nothing else in the corpus is taken for a rename.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import type { BuiltView } from '../../src/index/view';
import { buildCorpusHistory } from '../helpers/makeRepo';

const OLD = 'sales/smb-account-executive';
const NEW = 'sales/high-velocity-sales-and-first-orders';

let repoDir: string;
let cacheDir: string;
let indexer: IndexerWithStats;
let view: BuiltView;

beforeAll(async () => {
  repoDir = buildCorpusHistory();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-corpus-cache-'));
  indexer = createIndexer({ source: createGitSource({ remote: repoDir, branch: 'main', cacheDir }), cacheDir, url: repoDir, branch: 'main' });
  await indexer.refresh();
  view = indexer.current()! as BuiltView;
});

afterAll(async () => {
  await indexer?.close();
  fs.rmSync(repoDir, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('finds the one family rename of the corpus, and no retitle', () => {
  expect(view.timeline[20].message).toMatch(/^Rename Global Digital page to High Velocity Sales and First Orders/);
  expect(view.history.renames).toEqual([
    { position: 20, kind: 'family', from: OLD, to: NEW },
    ...['smb-advocate', 'smb-advocate-team-lead', 'new-logo-account-executive', 'new-logo-sales-manager'].map((role) => ({
      position: 20,
      kind: 'role',
      from: `${OLD}#${role}`,
      to: `${NEW}#${role}`,
    })),
  ]);
});

it('continues the SMB Advocate through the move: one MOVED version, older versions under the old id', () => {
  const history = view.roleHistory(`${NEW}#smb-advocate`);
  const moved = history.findIndex((v) => v.commit.position === 20);
  expect(history[moved]).toMatchObject({ change: 'MOVED', previousId: `${OLD}#smb-advocate` });
  expect(history[moved].changes.map((c) => c.field)).toEqual(['path']);
  expect(history.slice(moved + 1).length).toBeGreaterThan(0);
  expect(history.slice(moved + 1).every((v) => v.role.id === `${OLD}#smb-advocate`)).toBe(true);
  expect(history.map((v) => v.change)).not.toContain('REMOVED');
  expect(view.roleHistory(`${OLD}#smb-advocate`)).toBe(history);
});
