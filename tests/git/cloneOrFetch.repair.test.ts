// A damaged clone repairs itself (issue 13): a branch ref pointing at a missing object, a garbage
// HEAD, a deleted objects/ folder each made every fetch fail for good. cloneOrFetch now asks git
// whether it can still read the clone after a failed fetch, and when it cannot, moves the clone
// aside and clones again; a healthy clone with a remote that is gone is left alone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloneOrFetch, localCloneBroken } from '../../src/git/cloneOrFetch';
import { GitCommandError } from '../../src/git/errors';
import { createGitSource } from '../../src/git';
import { createIndexer } from '../../src/index';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

let origin: TestRepo;
let cacheDir: string;
let gitDir: string;
beforeEach(async () => {
  origin = makeRepo([{ message: 'one', files: { [`${CONTENT}/a.md`]: 'a' }, tag: 'v1' }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-repair-'));
  gitDir = (await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir })).gitDir;
  origin.commit({ message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } });
});
afterEach(() => {
  origin.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const DAMAGE: Array<[string, () => void]> = [
  ['the branch ref points at a missing object', () => fs.writeFileSync(path.join(gitDir, 'refs', 'heads', 'main'), `${'0123456789'.repeat(4)}\n`)],
  ['HEAD is garbage', () => fs.writeFileSync(path.join(gitDir, 'HEAD'), 'garbage\n')],
  ['objects/ was deleted', () => fs.rmSync(path.join(gitDir, 'objects'), { recursive: true, force: true })],
];

describe.each(DAMAGE)('when %s', (_what, damage) => {
  it('git reports the clone broken, and the next cloneOrFetch re-clones it and answers the remote head', async () => {
    expect(await localCloneBroken(gitDir)).toBe(false);
    damage();
    expect(await localCloneBroken(gitDir)).toBe(true);
    const result = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    expect(result).toEqual({ gitDir, head: origin.head(), cloned: true, repaired: true });
    expect(execFileSync('git', [`--git-dir=${gitDir}`, 'rev-parse', 'v1^{commit}'], { encoding: 'utf8' }).trim()).toMatch(/^[0-9a-f]{40}$/);
    // Nothing left beside it: the damaged clone was set aside and removed.
    expect(fs.readdirSync(cacheDir)).toEqual(['repo.git']);
  });
});

it('a healthy clone whose remote is gone is kept, and the fetch error is the answer', async () => {
  fs.rmSync(origin.dir, { recursive: true, force: true });
  // Through git: a local clone keeps its refs packed, a fetch may write them loose.
  const branchHead = (): string => execFileSync('git', [`--git-dir=${gitDir}`, 'rev-parse', 'refs/heads/main'], { encoding: 'utf8' }).trim();
  const before = branchHead();
  await expect(cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir })).rejects.toBeInstanceOf(GitCommandError);
  expect(branchHead()).toBe(before);
  expect(fs.readdirSync(cacheDir)).toEqual(['repo.git']);
});

it('a damaged clone whose remote is also gone is set aside and the clone failure reported', async () => {
  fs.writeFileSync(path.join(gitDir, 'HEAD'), 'garbage\n');
  fs.rmSync(origin.dir, { recursive: true, force: true });
  await expect(cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir })).rejects.toBeInstanceOf(GitCommandError);
  // No half-made clone and no damaged one: the next attempt clones afresh.
  expect(fs.readdirSync(cacheDir)).toEqual([]);
});

it('an indexer over a damaged clone indexes again from a fresh clone, reusing the parse cache', async () => {
  const page = `${CONTENT}/sales/vp-of-commercial-sales.md`;
  origin.commit({ message: 'add a page', files: { [page]: seed('vp-of-commercial-sales.md') } });
  const open = () => createIndexer({ source: createGitSource({ remote: origin.dir, branch: 'main', cacheDir }), cacheDir, url: origin.dir, branch: 'main', contentDir: CONTENT });
  const first = open();
  await first.refresh();
  await first.close();

  fs.writeFileSync(path.join(gitDir, 'refs', 'heads', 'main'), `${'0123456789'.repeat(4)}\n`);
  const second = open();
  try {
    const result = await second.refresh();
    expect(result.head.sha).toBe(origin.head());
    expect(second.status()).toMatchObject({ phase: 'ready', lastError: null });
    // The pages came from the parse cache beside the clone, not from a second parse.
    expect(second.blobStats()).toMatchObject({ parsed: 0 });
    expect(second.blobStats().loaded).toBeGreaterThan(0);
  } finally {
    await second.close();
  }
});
