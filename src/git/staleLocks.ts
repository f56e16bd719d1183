// A git process killed mid-update (the container OOM-killed, the machine reset) leaves its lock
// file behind — `refs/heads/main.lock`, `packed-refs.lock` — and every later fetch then fails with
// "cannot lock ref" for good, while the clone itself reads fine. Every git process rolegraph starts
// is killed at its deadline, so a lock older than the longest deadline has no owner left: removing
// it is what git's own message asks a person to do.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Lock files a fetch takes at the top of a bare repository (besides the refs under refs/). */
const TOP_LEVEL_LOCKS = ['HEAD.lock', 'packed-refs.lock', 'config.lock', 'shallow.lock', 'index.lock', 'FETCH_HEAD.lock'];

async function refLocks(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return refLocks(full);
      return Promise.resolve(entry.isFile() && entry.name.endsWith('.lock') ? [full] : []);
    }),
  );
  return nested.flat();
}

/** Removes the lock files of `gitDir` last modified more than `olderThanMs` ago; answers the ones removed (relative paths). */
export async function removeStaleLocks(gitDir: string, olderThanMs: number, now: number = Date.now()): Promise<string[]> {
  const candidates = [...TOP_LEVEL_LOCKS.map((name) => path.join(gitDir, name)), ...(await refLocks(path.join(gitDir, 'refs')))];
  const removed: string[] = [];
  for (const file of candidates) {
    const stat = await fs.lstat(file).catch(() => null);
    if (!stat?.isFile() || now - stat.mtimeMs <= olderThanMs) continue;
    await fs.rm(file, { force: true });
    removed.push(path.relative(gitDir, file));
  }
  return removed;
}
