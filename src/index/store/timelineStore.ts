// The last timeline read from git, kept in the cache folder so a warm restart skips `git log` over
// the whole history. Two files:
//  - `timeline.json`: a base (checksummed, written whole) — after a full read of the history;
//  - `timeline.journal`: one line per incremental refresh, appended, holding only that refresh's
//    new steps — so persisting a one-commit refresh costs one small append, not a rewrite of
//    20,000 steps.
// Each journal line names the base it extends and the head it continues from; loading replays the
// lines that chain and stops at the first that does not (a torn last line after a crash, or a
// journal left over from an older base), so a damaged tail only costs a `git log` of its commits.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { TimelineStep } from '../../git';
import { readChecksummed, writeChecksummed } from './checksummedFile';

const TIMELINE_FORMAT = 1;

interface StoredTimeline {
  format: number;
  contentDir: string;
  head: string;
  steps: TimelineStep[];
}

interface JournalRecord {
  format: number;
  contentDir: string;
  /** Head of the base file this record belongs to. */
  base: string;
  /** Head the record continues from (the base's, or the previous record's). */
  from: string;
  head: string;
  steps: TimelineStep[];
}

/** `<sha256 hex of the JSON> <JSON>` — one journal record per line (JSON never holds a raw newline). */
const JOURNAL_LINE = /^([0-9a-f]{64}) (.*)$/;

export interface LoadedTimeline {
  head: string;
  steps: TimelineStep[];
  /** Steps that came from journal lines (a caller may fold them into a new base). */
  journalSteps: number;
  /**
   * When this timeline was last known current with the remote (ISO-8601): the newest change to its
   * files, which `confirmTimeline` moves on at every successful refresh. What a restart that cannot
   * reach the remote reports as the served index's age.
   */
  confirmedAt: string | null;
}

export function timelineFile(cacheDir: string): string {
  return path.join(cacheDir, 'index', 'timeline.json');
}

export function journalFile(cacheDir: string): string {
  return path.join(cacheDir, 'index', 'timeline.journal');
}

/**
 * The stored timeline for this content folder, whatever its head (the caller checks whether it
 * can extend it to the branch's head now). Null when absent, damaged or of another folder.
 */
export async function loadStoredTimeline(cacheDir: string, contentDir: string): Promise<LoadedTimeline | null> {
  const { body } = await readChecksummed(timelineFile(cacheDir));
  if (body === null) return null;
  let stored: StoredTimeline;
  try {
    stored = JSON.parse(body) as StoredTimeline;
  } catch {
    return null;
  }
  const last = stored.steps?.[stored.steps.length - 1];
  if (stored.format !== TIMELINE_FORMAT || stored.contentDir !== contentDir || !last || last.commit.sha !== stored.head) return null;
  const steps = stored.steps;
  let head = stored.head;
  let journalSteps = 0;
  for (const record of await readJournal(cacheDir)) {
    if (record.format !== TIMELINE_FORMAT || record.contentDir !== contentDir || record.base !== stored.head || record.from !== head) break;
    const end = record.steps[record.steps.length - 1];
    if (!end || end.commit.sha !== record.head || record.steps[0].commit.parents[0] !== head) break;
    // Journal steps were numbered from 0 per record; the base's numbering continues through them.
    for (const step of record.steps) steps.push({ ...step, commit: { ...step.commit, position: steps.length } });
    journalSteps += record.steps.length;
    head = record.head;
  }
  return { head, steps, journalSteps, confirmedAt: await newestChange([timelineFile(cacheDir), journalFile(cacheDir)]) };
}

/**
 * Records that the stored timeline is current with the remote now (a refresh that found nothing new
 * writes nothing else): the base file's modification time. Best effort, like every cache write.
 */
export async function confirmTimeline(cacheDir: string): Promise<void> {
  const now = new Date();
  await fsp.utimes(timelineFile(cacheDir), now, now).catch(() => undefined);
}

/** The latest modification time of the files that exist, or null when none does. */
async function newestChange(files: readonly string[]): Promise<string | null> {
  let newest = 0;
  for (const file of files) {
    const stat = await fsp.stat(file).catch(() => null);
    if (stat) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest > 0 ? new Date(newest).toISOString() : null;
}

/** Writes a new base and empties the journal (its records belong to the old base). */
export async function saveTimeline(cacheDir: string, contentDir: string, head: string, steps: readonly TimelineStep[]): Promise<void> {
  const stored: StoredTimeline = { format: TIMELINE_FORMAT, contentDir, head, steps: [...steps] };
  await writeChecksummed(timelineFile(cacheDir), JSON.stringify(stored));
  // Order matters: a crash between the two leaves a journal whose `base` no longer matches.
  await fsp.rm(journalFile(cacheDir), { force: true });
}

/**
 * Appends the steps after `from` (the stored head) up to `head`. `base` is the head of the base
 * file (`loadStoredTimeline` or the last `saveTimeline`). O(new steps).
 */
export async function appendTimeline(
  cacheDir: string,
  contentDir: string,
  base: string,
  from: string,
  steps: readonly TimelineStep[],
): Promise<void> {
  if (steps.length === 0) return;
  const record: JournalRecord = { format: TIMELINE_FORMAT, contentDir, base, from, head: steps[steps.length - 1].commit.sha, steps: [...steps] };
  const json = JSON.stringify(record);
  const file = journalFile(cacheDir);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const handle = await fsp.open(file, 'a', 0o644);
  try {
    // A leading newline ends a torn line a crash may have left, so this record starts clean.
    await handle.writeFile(`\n${sha256(json)} ${json}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readJournal(cacheDir: string): Promise<JournalRecord[]> {
  let text: string;
  try {
    text = await fsp.readFile(journalFile(cacheDir), 'utf8');
  } catch {
    return [];
  }
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = JOURNAL_LINE.exec(line);
    // A torn or damaged line is skipped; the records after it no longer chain, so loading stops there.
    if (!match || sha256(match[2]) !== match[1]) continue;
    try {
      records.push(JSON.parse(match[2]) as JournalRecord);
    } catch {
      continue;
    }
  }
  return records;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
