// After a force-push that drops commits, those commits stay in the clone until git gc, and git
// still resolves them: the index serves only commits reachable from the tracked branch's head or a
// tag (issue 13), so a dropped commit answers BAD_REF like any unknown ref.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git';
import { createIndexer, type IndexerWithStats } from '../../src/index';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const VP = 'content/job-families/sales/vp-of-commercial-sales.md';
const DIRECTOR = 'content/job-families/sales/director-regional-sales.md';

let repo: TestRepo;
let cacheDir: string;
let indexer: IndexerWithStats;
beforeEach(() => {
  repo = makeRepo([
    { message: 'Add the VP', files: { [VP]: seed('vp-of-commercial-sales.md') } },
    { message: 'Add the director', files: { [DIRECTOR]: seed('director-regional-sales.md') } },
  ]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-reachable-'));
  indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, url: repo.dir, branch: 'main', contentDir: 'content/job-families' });
});
afterEach(async () => {
  await indexer.close();
  repo.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('refuses a commit a force-push dropped, serves one a tag still holds, and the rest as before', async () => {
  const kept = repo.commit({ message: 'Add a third family (tagged)', files: { 'content/job-families/sales/high-velocity-sales-and-first-orders.md': seed('high-velocity-sales-and-first-orders.md') } });
  repo.git('tag', 'kept', kept);
  const dropped = repo.commit({ message: 'Drop the director (untagged)', files: { [DIRECTOR]: null } });
  // (the VP and the third family remain, so every head has job families)
  await indexer.refresh();
  // Both resolve while they are history.
  expect((await indexer.current()!.resolveRef(dropped)).sha).toBe(dropped);

  // The force-push: main back to the second commit, then a new commit on top. (A branch the clone
  // does not track keeps the dropped commit in the remote, so the test can bring it back below.)
  repo.git('branch', 'side', dropped);
  const second = repo.git('rev-parse', 'HEAD~2');
  repo.git('reset', '-q', '--hard', second);
  const head = repo.commit({ message: 'Regrade nothing, just move on', files: { 'README.md': 'handbook' } });
  const result = await indexer.refresh();
  expect(result.head.sha).toBe(head);
  const view = indexer.current()!;

  // The refresh that saw the rewrite pruned the clone: the dropped commit is gone from it.
  const clone = path.join(cacheDir, 'repo.git');
  const has = (sha: string): boolean => {
    try {
      execFileSync('git', [`--git-dir=${clone}`, 'cat-file', '-e', `${sha}^{commit}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  expect([has(dropped), has(kept), has(head)]).toEqual([false, true, true]);
  await expect(view.resolveRef(dropped)).rejects.toMatchObject({ code: 'BAD_REF' });

  // Objects of a dropped commit can still be in a clone (a prune that timed out, a clone from
  // before this check): fetched without a ref here, it resolves in git, and the index refuses it.
  execFileSync('git', [`--git-dir=${clone}`, 'fetch', '-q', '--no-tags', repo.dir, 'side'], { stdio: 'ignore' });
  expect(has(dropped)).toBe(true);
  await expect(view.resolveRef(dropped)).rejects.toMatchObject({ code: 'BAD_REF', message: expect.stringContaining('not on the tracked branch or a tag') });
  await expect(view.resolveRef(dropped.slice(0, 10))).rejects.toMatchObject({ code: 'BAD_REF' });
  // Asked again, the same answer (remembered per view).
  await expect(view.resolveRef(dropped)).rejects.toMatchObject({ code: 'BAD_REF' });
  // Off the branch but tagged: still served, by sha and by tag.
  expect((await view.resolveRef(kept)).sha).toBe(kept);
  expect((await view.resolveRef('kept')).sha).toBe(kept);
  // On the branch: as before.
  expect((await view.resolveRef(second.slice(0, 12))).sha).toBe(second);
  expect((await view.resolveRef('main')).sha).toBe(head);
});
