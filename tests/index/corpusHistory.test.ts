// The corpus's 31-commit history of real GitLab files, indexed by the real indexer over real git.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import type { IndexView } from '../../src/index/types';
import { buildCorpusHistory } from '../helpers/makeRepo';

let repoDir: string;
let cacheDir: string;
let indexer: IndexerWithStats;
let view: IndexView;

beforeAll(async () => {
  repoDir = buildCorpusHistory();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-corpus-cache-'));
  indexer = createIndexer({ source: createGitSource({ remote: repoDir, branch: 'main', cacheDir }), cacheDir, url: repoDir, branch: 'main' });
  await indexer.refresh();
  view = indexer.current()!;
});

afterAll(async () => {
  await indexer?.close();
  fs.rmSync(repoDir, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('indexes all 31 commits; head has 51 family pages and 5 department pages', () => {
  expect(view.timeline).toHaveLength(31);
  expect(indexer.status()).toMatchObject({ phase: 'ready', lastError: null, commitCount: 31, familyCount: 56 });
  const kinds = view.head.families.map((f) => f.kind);
  expect(kinds.filter((k) => k === 'family')).toHaveLength(51);
  expect(view.head.families.filter((f) => f.kind === 'department').map((f) => f.slug)).toEqual([
    'finance',
    'marketing',
    'people-group',
    'sales',
    'security',
  ]);
});

const AE = 'content/job-families/sales/account-executive';

it('follows sales/account-executive across its path-shape renames as MOVED, never REMOVED then ADDED', () => {
  expect(view.commitsTouching('sales/account-executive').map((c) => c.position)).toEqual([28, 22, 14, 13, 3, 1, 0]);
  for (const id of ['sales/account-executive#junior-mid-market-account-executive', 'sales/account-executive#mid-market-account-executive']) {
    const history = view.roleHistory(id);
    // Commits 3 and 14 reformatted the page without changing these roles; commit 22 replaced the page
    // with the Commercial Account Executive roles (other titles, so other ids).
    expect(history.map((v) => [v.commit.position, v.change])).toEqual([
      [22, 'REMOVED'],
      [13, 'MOVED'],
      [1, 'MOVED'],
      [0, 'ADDED'],
    ]);
    expect(history[1].changes).toEqual([{ field: 'path', before: `${AE}/index.md`, after: `${AE}.md`, added: [], removed: [] }]);
    expect(history[2].changes).toEqual([
      { field: 'path', before: `${AE}/index.html.md.erb`, after: `${AE}/index.md`, added: [], removed: [] },
    ]);
    expect(history[0].path).toBe(`${AE}.md`);
  }
  const midMarket = view.roleHistory('sales/account-executive#commercial-account-executive-mid-market');
  expect(midMarket.map((v) => [v.commit.position, v.change])).toEqual([
    [28, 'MODIFIED'],
    [22, 'ADDED'],
  ]);
  expect(midMarket[0].changes.map((c) => c.field)).toEqual(['requirements']);
});

it('restarts on the same cache without parsing a single page', async () => {
  const parsedFirst = indexer.blobStats().parsed;
  expect(parsedFirst).toBeGreaterThan(56);
  const again = createIndexer({ source: createGitSource({ remote: repoDir, branch: 'main', cacheDir }), cacheDir, url: repoDir, branch: 'main' });
  try {
    await again.refresh();
    expect(again.blobStats()).toMatchObject({ parsed: 0, loaded: parsedFirst, corrupt: 0 });
    expect(again.current()!.head.families.map((f) => f.slug)).toEqual(view.head.families.map((f) => f.slug));
  } finally {
    await again.close();
  }
});
