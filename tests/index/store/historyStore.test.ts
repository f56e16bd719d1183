// The role chains' file (historyStore.ts): served back exactly when it is whole and of this parser
// version and content folder; otherwise absent or rejected with the reason the indexer logs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HISTORY_FORMAT, HistoryEncodeError, historyText, type EncodedHistory, type HistoryText } from '../../../src/index/historyCodec';
import { historyFile, loadStoredHistory, saveStoredHistory } from '../../../src/index/store/historyStore';

const DIR = 'content/job-families';
const PARSER = 'parser-2';

/** A one-commit history with no roles: the file's contents do not matter to the file layer. */
const HISTORY: EncodedHistory = {
  format: HISTORY_FORMAT,
  head: 'a'.repeat(40),
  length: 1,
  strings: ['content/job-families/sales/x.md', 'b'.repeat(40), 'sales/x'],
  versions: [],
  chains: [],
  roleVersions: [],
  positionsBySlug: [[2, [0]]],
  positionsByPath: [[0, [0]]],
  contentPositions: [0],
  renames: [],
  blobByPath: [[0, 1]],
  pathsBySlug: [[2, [0]]],
  slugByPath: [[0, 2]],
  formerIds: [],
};

let cacheDir: string;
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-history-store-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

it('reads back what it wrote, for the same parser version and content folder', async () => {
  expect(await loadStoredHistory(cacheDir, DIR, PARSER)).toEqual({ absent: true });
  await saveStoredHistory(cacheDir, DIR, PARSER, historyText(HISTORY));
  expect(await loadStoredHistory(cacheDir, DIR, PARSER)).toEqual({ history: HISTORY });
  expect(fs.readdirSync(path.dirname(historyFile(cacheDir)))).toEqual(['history.rgh']);
});

it('rejects a file of another parser version or content folder', async () => {
  await saveStoredHistory(cacheDir, DIR, PARSER, historyText(HISTORY));
  expect(await loadStoredHistory(cacheDir, DIR, 'parser-3')).toEqual({ rejected: 'parsed by parser-2, not parser-3' });
  expect(await loadStoredHistory(cacheDir, 'handbook/job-families', PARSER)).toEqual({ rejected: `of content folder ${DIR}` });
});

it('rejects a damaged or truncated file', async () => {
  await saveStoredHistory(cacheDir, DIR, PARSER, historyText(HISTORY));
  const file = historyFile(cacheDir);
  const raw = fs.readFileSync(file);
  fs.writeFileSync(file, raw.subarray(0, raw.length - 1));
  expect(await loadStoredHistory(cacheDir, DIR, PARSER)).toEqual({ rejected: 'damaged (checksum or length)' });
  fs.writeFileSync(file, '{"not":"ours"}');
  expect(await loadStoredHistory(cacheDir, DIR, PARSER)).toEqual({ rejected: 'damaged (checksum or length)' });
});

it('writes the text in the parts it is given, and reads it back whole', async () => {
  const { versions: _none, ...rest } = HISTORY;
  const versions: EncodedHistory['versions'] = [
    [0, 0, 0, 1, 0, -1, -1, -1, -1, [[[0, 0]], []]],
    [0, 0, 0, 1, 1, -1, -1, -1, -1, 0],
  ];
  const parts = [`{"versions":[${JSON.stringify(versions[0])}`, `,${JSON.stringify(versions[1])}`, `],${JSON.stringify(rest).slice(1)}`];
  await saveStoredHistory(cacheDir, DIR, PARSER, { head: HISTORY.head, length: 1, parts });
  expect(await loadStoredHistory(cacheDir, DIR, PARSER)).toEqual({ history: { ...HISTORY, versions } });
});

it('keeps the last good file, and leaves no temp file, when the encoder gives up mid-way', async () => {
  await saveStoredHistory(cacheDir, DIR, PARSER, historyText(HISTORY));
  const failing: HistoryText = {
    head: 'c'.repeat(40),
    length: 2,
    parts: (function* () {
      yield '{"versions":[';
      throw new HistoryEncodeError('role x is not a role of its page');
    })(),
  };
  await expect(saveStoredHistory(cacheDir, DIR, PARSER, failing)).rejects.toThrow(HistoryEncodeError);
  expect(await loadStoredHistory(cacheDir, DIR, PARSER)).toEqual({ history: HISTORY });
  expect(fs.readdirSync(path.dirname(historyFile(cacheDir)))).toEqual(['history.rgh']);
});
