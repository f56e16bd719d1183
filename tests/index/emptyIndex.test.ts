// A refresh whose head holds no job family fails; the last good view keeps serving, and the error
// names the folders looked in (configured, or every job-families folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'eras', 'content-marketing-manager.html.md'), 'utf8');
const PAGE = 'content/job-families/marketing/content-marketing-manager.md';

let repo: TestRepo;
let cacheDir: string;
let indexer: IndexerWithStats;

afterEach(async () => {
  await indexer?.close().catch(() => undefined);
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

function open(contentDir?: string): IndexerWithStats {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-empty-'));
  indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, contentDir, url: repo.dir, branch: 'main' });
  return indexer;
}

it('keeps serving the last good view when a push removes every family', async () => {
  repo = makeRepo([{ message: 'add', files: { [PAGE]: FIXTURE, 'content/job-families/marketing/_index.md': '---\ntitle: Marketing\n---\n' } }]);
  open();
  const first = await indexer.refresh();
  repo.commit({ message: 'remove the family', files: { [PAGE]: null } });
  await expect(indexer.refresh()).rejects.toMatchObject({
    code: 'EMPTY_INDEX',
    message: `no job families at ${repo.head().slice(0, 12)}: looked in every folder named job-families, at any depth: content/job-families (1 page); give --content-dir if the pages live elsewhere`,
  });
  expect(indexer.current()!.head.commit.sha).toBe(first.head.sha);
  expect(indexer.status()).toMatchObject({ phase: 'failed', lastError: expect.stringContaining('no job families at') });
});

it('names the configured folder and what it held', async () => {
  repo = makeRepo([{ message: 'department only', files: { 'handbook/roles/marketing/_index.md': '---\ntitle: Marketing\n---\n' } }]);
  open('handbook/roles');
  await expect(indexer.refresh()).rejects.toThrow(`no job families at ${repo.head().slice(0, 12)}: looked in handbook/roles: 1 page, none a job family`);
  expect(indexer.status()).toMatchObject({ phase: 'failed' });
  expect(indexer.current()).toBeNull();
});
