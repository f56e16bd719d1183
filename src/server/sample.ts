// Builds the embedded sample handbook: a real git repository replayed from sample/history.json
// into <cacheDir>/sample-handbook, so `npm start` with no configuration serves a handbook with
// history (a regrade, an added role, a move, a ladder change, a removed family).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHistory, headCommit, type HistoryCommit } from '../git';
import { parseSampleHistory, sourceFiles, type SampleCommit, type SampleHistory } from './sampleHistory';

/** The shipped sample folder: `sample/` beside `src/` and `dist/`. */
export const SAMPLE_SOURCE_DIR = path.resolve(__dirname, '..', '..', 'sample');
export const SAMPLE_REPO_NAME = 'sample-handbook';
/** Holds the fingerprint of the inputs a sample repository was built from. */
const FINGERPRINT_FILE = 'rolegraph-sample';

export interface SampleOptions {
  /** Folder holding history.json and the files it names. Default: the shipped sample/. */
  sourceDir?: string;
}

/**
 * Returns the path of the sample repository, building it when missing, incomplete or built from
 * other inputs (an upgraded rolegraph). The build happens in a temp folder renamed into place, so
 * a crash or a concurrent start never leaves a half-built repository where the indexer looks.
 */
export async function ensureSampleRepo(cacheDir: string, opts: SampleOptions = {}): Promise<string> {
  const sourceDir = opts.sourceDir ?? SAMPLE_SOURCE_DIR;
  const history = parseSampleHistory(await fs.readFile(path.join(sourceDir, 'history.json'), 'utf8'));
  const fingerprint = await fingerprintOf(sourceDir, history);
  const target = path.join(cacheDir, SAMPLE_REPO_NAME);
  if (await isBuilt(target, fingerprint)) return target;

  await fs.mkdir(cacheDir, { recursive: true });
  const temp = await fs.mkdtemp(path.join(cacheDir, `.${SAMPLE_REPO_NAME}-`));
  try {
    await build(temp, sourceDir, history);
    await fs.writeFile(path.join(temp, '.git', FINGERPRINT_FILE), `${fingerprint}\n`);
    await swapInto(temp, target, fingerprint);
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
  return target;
}

/** sha256 over the script and every file it copies: any edit to the sample means a rebuild. */
async function fingerprintOf(sourceDir: string, history: SampleHistory): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(history));
  for (const file of sourceFiles(history)) {
    hash.update(`\0${file}\0`);
    hash.update(await fs.readFile(path.join(sourceDir, file)));
  }
  return hash.digest('hex');
}

async function isBuilt(dir: string, fingerprint: string): Promise<boolean> {
  try {
    const recorded = (await fs.readFile(path.join(dir, '.git', FINGERPRINT_FILE), 'utf8')).trim();
    return recorded === fingerprint && headCommit(dir) !== null;
  } catch {
    return false;
  }
}

/** Moves the finished build to `target`, replacing an outdated one. */
async function swapInto(temp: string, target: string, fingerprint: string): Promise<void> {
  const stale = `${target}.stale-${process.pid}-${Date.now()}`;
  await fs.rename(target, stale).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  try {
    await fs.rename(temp, target);
  } catch (err) {
    // Another process started at the same moment and won the rename; its build is as good as ours.
    if (!(await isBuilt(target, fingerprint))) throw err;
  } finally {
    await fs.rm(stale, { recursive: true, force: true });
  }
}

async function build(dir: string, sourceDir: string, history: SampleHistory): Promise<void> {
  const writer = createHistory(dir, { branch: history.branch });
  for (const commit of history.commits) writer.commit(await historyCommit(sourceDir, commit));
}

/** A scripted commit as the git layer writes it: its moves, then its new and deleted pages. */
async function historyCommit(sourceDir: string, commit: SampleCommit): Promise<HistoryCommit> {
  const renames: Array<[string, string]> = [];
  const files: Record<string, Buffer | null> = {};
  for (const change of commit.changes) {
    if ('put' in change) files[change.put] = await fs.readFile(path.join(sourceDir, change.from));
    else if ('mv' in change) renames.push([change.mv, change.to]);
    else files[change.rm] = null;
  }
  return { message: commit.message, date: commit.date, author: commit.author, renames, files, tag: commit.tag };
}
