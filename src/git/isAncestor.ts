// Whether one commit is an ancestor of another, so the index can tell "new commits on top" from
// "history rewritten" before reading a range of the log (a range from a non-ancestor walks the
// whole history).
import { GitCommandError } from './errors';
import { GitExit, withGit } from './gitClient';
import { assertCommitId } from './validate';

/** `git merge-base --is-ancestor` answers with its exit code: 0 yes, 1 no, anything else an error. */
const IS_ANCESTOR = 0;
const NOT_ANCESTOR = 1;

export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  const args = ['merge-base', '--is-ancestor', '--end-of-options', assertCommitId(ancestor), assertCommitId(descendant)];
  const code = await withGit(
    { gitDir, op: 'merge-base' },
    async (git) => {
      await git.raw(args);
      return IS_ANCESTOR;
    },
    (exit: GitExit) => exit.exitCode,
  );
  if (code === IS_ANCESTOR) return true;
  if (code === NOT_ANCESTOR) return false;
  // 128: an unknown commit (e.g. the old head was pruned after a force-push): not an ancestor.
  if (code === 128) return false;
  throw new GitCommandError(`git merge-base exited with ${code}`);
}
