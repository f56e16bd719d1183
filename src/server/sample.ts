// Builds the embedded sample handbook: a real git repository replayed from sample/history.json
// into <cacheDir>/sample-handbook, so `npm start` with no configuration serves a handbook with
// history (a regrade, an added role, a move, a ladder change, a removed family).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSampleHistory, sourceFiles, type SampleCommit, type SampleHistory } from './sampleHistory';

const run = promisify(execFile);

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
    if (recorded !== fingerprint) return false;
    await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return true;
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
  await git(dir, ['init', '-q', '-b', history.branch]);
  for (const commit of history.commits) await applyCommit(dir, sourceDir, commit);
}

async function applyCommit(dir: string, sourceDir: string, commit: SampleCommit): Promise<void> {
  for (const change of commit.changes) {
    if ('put' in change) {
      const dest = path.join(dir, change.put);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      // Read and write rather than copy, so the file mode (and so the tree id) never depends on
      // how the sample files were checked out.
      await fs.writeFile(dest, await fs.readFile(path.join(sourceDir, change.from)), { mode: 0o644 });
      await git(dir, ['add', '--', change.put]);
    } else if ('mv' in change) {
      await fs.mkdir(path.dirname(path.join(dir, change.to)), { recursive: true });
      await git(dir, ['mv', '--', change.mv, change.to]);
    } else {
      await git(dir, ['rm', '-q', '--', change.rm]);
    }
  }
  await git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', commit.message], {
    GIT_AUTHOR_NAME: commit.author.name,
    GIT_AUTHOR_EMAIL: commit.author.email,
    GIT_AUTHOR_DATE: commit.date,
    GIT_COMMITTER_NAME: commit.author.name,
    GIT_COMMITTER_EMAIL: commit.author.email,
    GIT_COMMITTER_DATE: commit.date,
  });
  if (commit.tag) await git(dir, ['tag', '--', commit.tag]);
}

/** Everything that could make two builds differ (user config, hooks, signing) is switched off. */
function sampleGitEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(
    'git',
    ['-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false', '-c', 'core.autocrlf=false', '-c', 'core.hooksPath=/dev/null', ...args],
    { cwd, env: sampleGitEnv(env), encoding: 'utf8' },
  );
  return stdout;
}
