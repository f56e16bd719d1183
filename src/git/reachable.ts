// Whether a commit is one rolegraph serves: reachable from the tracked branch's head or from a tag.
// A force-push leaves the dropped commits in the clone until git gc; rev-parse still finds them,
// so a client ref is checked here before any snapshot of it is built.
import { withGit } from './gitClient';
import { isFullObjectId } from './validate';

/**
 * True when `ancestor` is an ancestor of (or equal to) `head`: no commit of `ancestor`'s history is
 * outside `head`'s. Asked as a count rather than `merge-base --is-ancestor`, which answers by exit
 * code alone: simple-git waits 50 ms more after a command that printed nothing (gitClient.ts), and
 * this answers client refs off the timeline. Any failure (an unknown object, a broken clone) throws.
 */
export async function isAncestor(gitDir: string, ancestor: string, head: string): Promise<boolean> {
  const outside = await withGit({ gitDir, op: 'rev-list' }, (git) =>
    git.raw(['rev-list', '--count', '--max-count=1', '--end-of-options', ancestor, `^${head}`]),
  );
  return outside.trim() === '0';
}

/**
 * True when `sha` is an ancestor of (or equal to) `head`, or of any tag. Both are full object ids
 * the caller resolved (never a client's text); git reads the history, so it is asked once per
 * (head, sha) by the caller's cache.
 */
export async function isReachable(gitDir: string, sha: string, head: string): Promise<boolean> {
  if (!isFullObjectId(sha) || !isFullObjectId(head)) return false;
  if (await isAncestor(gitDir, sha, head)) return true;
  // Counted like isAncestor, against every tag at once: `for-each-ref --contains` printed nothing
  // for a commit no tag holds, and simple-git paused 50 ms after it.
  const outsideTags = await withGit({ gitDir, op: 'rev-list' }, (git) =>
    git.raw(['rev-list', '--count', '--max-count=1', '--not', '--tags', '--not', '--end-of-options', sha]),
  );
  return outsideTags.trim() === '0';
}
