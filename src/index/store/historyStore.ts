// The role version chains, persisted beside the stored timeline so a warm start does not rebuild
// them (historyCodec.ts holds the encoding). One checksummed file, written whole to a temp name,
// fsynced and renamed. It is tied to the parser version and the content folder here, and to the
// timeline (its head at its length) by the decoder; whatever does not match is rebuilt, never served.
import path from 'node:path';
import type { EncodedHistory, HistoryText } from '../historyCodec';
import { readChecksummed, writeChecksummedParts } from './checksummedFile';

const FILE_FORMAT = 'rg-history-file-1';

interface StoredHistoryFile {
  format: string;
  parser: string;
  contentDir: string;
  history: EncodedHistory;
}

/** The stored history, absent, or why it cannot be used. */
export type LoadedHistory = { history: EncodedHistory } | { absent: true } | { rejected: string };

export function historyFile(cacheDir: string): string {
  return path.join(cacheDir, 'index', 'history.rgh');
}

export async function loadStoredHistory(cacheDir: string, contentDir: string, parser: string): Promise<LoadedHistory> {
  const { body, present } = await readChecksummed(historyFile(cacheDir));
  if (!present) return { absent: true };
  if (body === null) return { rejected: 'damaged (checksum or length)' };
  let stored: StoredHistoryFile;
  try {
    stored = JSON.parse(body) as StoredHistoryFile;
  } catch {
    return { rejected: 'damaged (not JSON)' };
  }
  if (stored?.format !== FILE_FORMAT) return { rejected: `file format ${String(stored?.format)}` };
  if (stored.parser !== parser) return { rejected: `parsed by ${stored.parser}, not ${parser}` };
  if (stored.contentDir !== contentDir) return { rejected: `of content folder ${stored.contentDir}` };
  if (typeof stored.history !== 'object' || stored.history === null) return { rejected: 'no history' };
  return { history: stored.history };
}

/** Writes `history`'s text as the `history` of a StoredHistoryFile; an encoder error leaves the old file in place. */
export async function saveStoredHistory(cacheDir: string, contentDir: string, parser: string, history: HistoryText): Promise<void> {
  await writeChecksummedParts(historyFile(cacheDir), fileParts(contentDir, parser, history));
}

function* fileParts(contentDir: string, parser: string, history: HistoryText): Generator<string> {
  const shell: Omit<StoredHistoryFile, 'history'> = { format: FILE_FORMAT, parser, contentDir };
  yield `${JSON.stringify(shell).slice(0, -1)},"history":`;
  yield* history.parts;
  yield '}';
}
