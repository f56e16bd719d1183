// Metadata of one commit, for refs that point off the timeline (another branch, a tag).
import { GitCommandError } from './errors';
import { withGit } from './gitClient';
import type { CommitInfo } from './types';
import { assertCommitId } from './validate';

/** Hash, parents, author name, author email, strict ISO committer date, raw message. */
const COMMIT_FORMAT = '%H%x00%P%x00%an%x00%ae%x00%cI%x00%B';

/** Position given to a commit that is not on the tracked branch's first-parent timeline. */
export const OFF_TIMELINE = -1;

export async function readCommitInfo(gitDir: string, commit: string): Promise<CommitInfo> {
  const sha = assertCommitId(commit);
  const shown = await withGit({ gitDir, op: 'show' }, (git) =>
    git.show(['-s', '--no-color', '--no-show-signature', `--format=${COMMIT_FORMAT}`, '--end-of-options', `${sha}^{commit}`, '--']),
  );
  const fields = shown.split('\0');
  if (fields.length < 6) throw new GitCommandError(`git show printed no commit for ${sha}`);
  const [fullSha, parents, authorName, authorEmail, date, ...message] = fields;
  return {
    sha: fullSha,
    position: OFF_TIMELINE,
    message: message.join('\0').replace(/\n+$/, ''),
    authorName,
    authorEmail,
    date,
    parents: parents === '' ? [] : parents.split(' '),
  };
}
