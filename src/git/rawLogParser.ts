// Pure parser of `git log -z --raw` output in the format TIMELINE_FORMAT, fed token by token (see
// NulTokenizer), producing timeline steps. Kept apart from the process so it can be tested with
// plain strings.
import { GitCommandError } from './errors';
import { isRegularFileMode } from './fileMode';
import type { ChangeStatus, CommitInfo, PathChange, TimelineStep } from './types';

/**
 * Header of each commit: a record separator, then hash, parents, author name, author email, strict
 * ISO committer date and the raw message, each ended by NUL. The message cannot hold a NUL, so
 * the fields never run into each other.
 */
export const TIMELINE_FORMAT = '%x1e%H%x00%P%x00%an%x00%ae%x00%cI%x00%B%x00';
const RECORD_START = '\x1e';
const HEADER_FIELDS = 6;

/**
 * One `--raw` line up to the status, e.g. `:100644 100644 5d3f… 8a1c… R087` (git may prefix a
 * newline after the header). Modes, old and new object ids, status letter, similarity score.
 */
const RAW_LINE = /^\n?:([0-7]{6}) ([0-7]{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])(\d*)$/;
/** The all-zero id git prints for the missing side of an add or delete. */
const ZERO_ID = /^0+$/;

interface RawEntry {
  oldMode: string;
  newMode: string;
  oldBlob: string;
  newBlob: string;
  letter: string;
  paths: string[];
  pathCount: number;
}

export class RawLogParser {
  readonly steps: TimelineStep[] = [];
  private header: string[] | null = null;
  private entry: RawEntry | null = null;
  private current: TimelineStep | null = null;

  token(token: string): void {
    if (this.header) {
      this.header.push(token);
      if (this.header.length === HEADER_FIELDS) this.finishHeader(this.header);
      return;
    }
    if (this.entry) {
      this.entry.paths.push(token);
      if (this.entry.paths.length === this.entry.pathCount) this.finishEntry(this.entry);
      return;
    }
    if (token.startsWith(RECORD_START)) {
      this.header = [token.slice(RECORD_START.length)];
      return;
    }
    // Separators between records: git writes a NUL (and sometimes a newline) after the header.
    if (token === '' || token === '\n') return;
    const raw = RAW_LINE.exec(token);
    if (!raw || !this.current) throw new GitCommandError(`unexpected git log output: ${JSON.stringify(token.slice(0, 80))}`);
    const [, oldMode, newMode, oldBlob, newBlob, letter] = raw;
    // Renames and copies name two paths, everything else one.
    const pathCount = letter === 'R' || letter === 'C' ? 2 : 1;
    this.entry = { oldMode, newMode, oldBlob, newBlob, letter, paths: [], pathCount };
  }

  private finishHeader(fields: string[]): void {
    this.header = null;
    const [sha, parents, authorName, authorEmail, date, message] = fields;
    const commit: CommitInfo = {
      sha,
      position: this.steps.length,
      message: message.replace(/\n$/, ''),
      authorName,
      authorEmail,
      date,
      parents: parents === '' ? [] : parents.split(' '),
    };
    this.current = { commit, changes: [] };
    this.steps.push(this.current);
  }

  private finishEntry(entry: RawEntry): void {
    this.entry = null;
    const change = toPathChange(entry);
    if (change) this.current?.changes.push(change);
  }
}

/**
 * Reduces a raw entry to what the index needs. Only regular files count: a symlink or submodule
 * on one side makes that side absent, so a file replaced by a symlink is a delete and a symlink
 * is never read as a page.
 */
export function toPathChange(entry: RawEntry): PathChange | null {
  const hadOld = isRegularFileMode(entry.oldMode) && !ZERO_ID.test(entry.oldBlob);
  const hasNew = isRegularFileMode(entry.newMode) && !ZERO_ID.test(entry.newBlob);
  const oldPath = entry.paths[0];
  const newPath = entry.paths[entry.pathCount - 1];
  // A copy leaves its source in place: only the new path is a change.
  const sourceRemains = entry.letter === 'C';
  let status: ChangeStatus;
  if (hadOld && hasNew && !sourceRemains) status = entry.pathCount === 2 ? 'R' : 'M';
  else if (hasNew) status = 'A';
  else if (hadOld && !sourceRemains) status = 'D';
  else return null;
  return {
    status,
    oldPath: status === 'A' ? null : oldPath,
    newPath: status === 'D' ? null : newPath,
    oldBlob: status === 'A' ? null : entry.oldBlob,
    newBlob: status === 'D' ? null : entry.newBlob,
  };
}
