// The real GitSource: the pieces of this folder composed over one cache folder. Updates are
// serialised (a second update() waits for the first); blob reads share one cat-file process.
import { CatFileBatch } from './catFileBatch';
import { assertBranchName, branchHead as readBranchHead, cloneOrFetch, gitDirOf } from './cloneOrFetch';
import { readCommitInfo } from './commitInfo';
import { detectContentDir } from './detectContentDir';
import { GitCommandError } from './errors';
import { isReachable } from './reachable';
import { resolveRef } from './resolveRef';
import { readTimeline } from './timeline';
import { readTree } from './tree';
import type { GitSource } from './types';

export interface GitSourceOptions {
  /** URL or local path of the content repository. */
  remote: string;
  branch: string;
  /** Folder for `repo.git`; made when missing. */
  cacheDir: string;
  /** Limit for clone and fetch. */
  timeoutMs?: number;
}

/** Throws GitCommandError at once for a branch name git would refuse (a configuration mistake). */
export function createGitSource(opts: GitSourceOptions): GitSource {
  assertBranchName(opts.branch);
  const gitDir = gitDirOf(opts.cacheDir);
  let blobs: CatFileBatch | null = null;
  let updating: Promise<string> = Promise.resolve('');
  let closed = false;

  const reader = (): CatFileBatch => {
    if (closed) throw new GitCommandError('git source is closed');
    blobs ??= new CatFileBatch(gitDir);
    return blobs;
  };

  const branchHead = (): Promise<string> => readBranchHead(gitDir, opts.branch);

  return {
    async timeline(contentDir, head, since) {
      return readTimeline({ gitDir, head: head ?? (await branchHead()), contentDir, since });
    },
    tree: (commit, contentDir) => readTree(gitDir, commit, contentDir),
    readBlobs: async (ids) => reader().readMany(ids),
    resolveRef: (ref) => resolveRef(gitDir, ref),
    isReachable: (sha, head) => isReachable(gitDir, sha, head),
    commitInfo: (sha) => readCommitInfo(gitDir, sha),
    detectContentDir: async (commit, configured) => detectContentDir(gitDir, commit ?? (await branchHead()), configured),
    update() {
      const run = async (): Promise<string> => {
        const result = await cloneOrFetch(opts);
        if (result.repaired && blobs) {
          // The blob reader has the damaged clone open: later reads start a new one on the new clone.
          const old = blobs;
          blobs = null;
          void old.close().catch(() => undefined);
        }
        return result.head;
      };
      // Chain after the previous update whether it failed or not.
      updating = updating.then(run, run);
      return updating;
    },
    async close() {
      closed = true;
      await updating.catch(() => undefined);
      await blobs?.close();
      blobs = null;
    },
  };
}
