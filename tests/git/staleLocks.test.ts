// A git killed mid-fetch leaves `refs/heads/main.lock`; every later fetch fails "cannot lock ref"
// while the clone reads fine. A lock older than any deadline we give git is removed before the
// next fetch; a fresh one (a git that may still run) is left alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloneOrFetch } from '../../src/git/cloneOrFetch';
import { removeStaleLocks } from '../../src/git/staleLocks';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const PAGE = 'content/job-families/a.md';
let origin: TestRepo;
let cacheDir: string;

beforeEach(() => {
  origin = makeRepo([{ message: 'one', files: { [PAGE]: 'a' } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-locks-'));
});

afterEach(() => {
  origin.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

/** Leaves `file` in the clone as a killed git would, last touched `ageMs` ago. */
function leaveLock(gitDir: string, file: string, ageMs: number): string {
  const full = path.join(gitDir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, '');
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(full, when, when);
  return full;
}

it('fetches again once a lock left by a killed git is older than any git deadline', async () => {
  const { gitDir } = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir, timeoutMs: 1000 });
  const lock = leaveLock(gitDir, 'refs/heads/main.lock', 10 * 60_000);
  const next = origin.commit({ message: 'two', files: { [PAGE]: 'b' } });
  expect(await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir, timeoutMs: 1000 })).toMatchObject({ head: next, cloned: false });
  expect(fs.existsSync(lock)).toBe(false);
});

it('removes only lock files older than the limit, at the top and under refs/', async () => {
  const { gitDir } = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
  leaveLock(gitDir, 'packed-refs.lock', 120_000);
  leaveLock(gitDir, 'refs/tags/v1.lock', 120_000);
  const fresh = leaveLock(gitDir, 'refs/heads/main.lock', 1_000);
  expect((await removeStaleLocks(gitDir, 60_000)).sort()).toEqual(['packed-refs.lock', 'refs/tags/v1.lock']);
  expect(fs.existsSync(fresh)).toBe(true);
  expect(await removeStaleLocks(path.join(cacheDir, 'nowhere'), 0)).toEqual([]);
});
