// The first-parent history of the tracked branch, oldest first, with each commit's changes under
// the content folder — from one `git log` process whose output is parsed as it streams
// (child_process.spawn via spawnGit.ts: simple-git buffers the whole output, hundreds of MB at
// 20,000 commits, before answering).
import { NulTokenizer } from './nulTokens';
import { RawLogParser, TIMELINE_FORMAT } from './rawLogParser';
import { streamGit } from './spawnGit';
import type { TimelineStep } from './types';
import { contentPathspec } from './contentRoot';
import { assertCommitId } from './validate';

export interface TimelineOptions {
  gitDir: string;
  /** Full sha of the branch head the timeline ends at. */
  head: string;
  /**
   * Full sha of a commit already read: only the first-parent steps after it are returned
   * (`since..head`), with positions counted from 0 at the first returned step. The caller checks
   * that `since` was a first-parent ancestor: then the first step's first parent is `since`.
   */
  since?: string;
  /** The content folder, or ANY_CONTENT_ROOT for every `job-families` folder at any depth. */
  contentDir: string;
  timeoutMs?: number;
}

/** Reading 20,000 commits takes seconds; allow for a slow disk. */
const TIMELINE_TIMEOUT_MS = 10 * 60_000;

export async function readTimeline(opts: TimelineOptions): Promise<TimelineStep[]> {
  const head = assertCommitId(opts.head);
  // Both ids are validated full hex, so the range below can never read as an option or a pathspec.
  const range = opts.since === undefined ? head : `${assertCommitId(opts.since)}..${head}`;
  const pathspec = contentPathspec(opts.contentDir);
  const parser = new RawLogParser();
  const tokens = new NulTokenizer((token) => parser.token(token));
  const args = [
    'log',
    '--first-parent',
    '--reverse',
    // With a pathspec, git log drops commits that do not touch it; --sparse keeps every commit of
    // the walk (with no raw lines), so dates and `commits` see the whole branch.
    '--sparse',
    // The root commit is diffed against the empty tree; merges against their first parent.
    '--root',
    '--diff-merges=first-parent',
    '--raw',
    '-M',
    '--no-abbrev',
    '-z',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    `--format=${TIMELINE_FORMAT}`,
    '--end-of-options',
    range,
    '--',
    pathspec,
  ];
  await streamGit(args, { gitDir: opts.gitDir, op: 'log', magicPathspecs: true, timeoutMs: opts.timeoutMs ?? TIMELINE_TIMEOUT_MS }, (chunk) =>
    tokens.push(chunk),
  );
  tokens.end();
  return parser.steps;
}
