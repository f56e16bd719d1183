// The role version chains, persisted beside the stored timeline so a warm start does not rebuild
// them (historyCodec.ts holds the encoding). One checksummed file, written whole to a temp name,
// fsynced and renamed. It is tied to the parser version and the content folder here, and to the
// timeline (its head at its length) by the decoder; whatever does not match is rebuilt, never served.
import path from 'node:path';
import type { EncodedHistory } from '../historyCodec';
import { readChecksummed, writeChecksummed } from './checksummedFile';

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

export async function saveStoredHistory(cacheDir: string, contentDir: string, parser: string, history: EncodedHistory): Promise<void> {
  const stored: StoredHistoryFile = { format: FILE_FORMAT, parser, contentDir, history };
  await writeChecksummed(historyFile(cacheDir), JSON.stringify(stored));
}
