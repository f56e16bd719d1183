// Whether a commit is one rolegraph serves: reachable from the tracked branch's head or from a tag.
// A force-push leaves the dropped commits in the clone until git gc; rev-parse still finds them,
// so a client ref is checked here before any snapshot of it is built.
import { withGit } from './gitClient';
import { gitFailure } from './redact';
import { isFullObjectId } from './validate';

/** True when `ancestor` is an ancestor of (or equal to) `head`; exit 1 is "no", any other failure (a broken clone) throws. */
export function isAncestor(gitDir: string, ancestor: string, head: string): Promise<boolean> {
  return withGit(
    { gitDir, op: 'merge-base' },
    async (git) => {
      await git.raw(['merge-base', '--is-ancestor', '--end-of-options', ancestor, head]);
      return true;
    },
    (exit) => {
      if (exit.exitCode === 1) return false;
      throw gitFailure('merge-base', exit.stderr || exit.message);
    },
  );
}

/**
 * True when `sha` is an ancestor of (or equal to) `head`, or of any tag. Both are full object ids
 * the caller resolved (never a client's text); git reads the history, so it is asked once per
 * (head, sha) by the caller's cache.
 */
export async function isReachable(gitDir: string, sha: string, head: string): Promise<boolean> {
  if (!isFullObjectId(sha) || !isFullObjectId(head)) return false;
  if (await isAncestor(gitDir, sha, head)) return true;
  const tags = await withGit({ gitDir, op: 'for-each-ref' }, (git) =>
    git.raw(['for-each-ref', '--count=1', '--format=%(refname)', `--contains=${sha}`, 'refs/tags']),
  );
  return tags.trim() !== '';
}
