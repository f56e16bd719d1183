// Writes git history: the embedded sample handbook, the tests' readable repositories and the
// bench's "one commit pushed" all come through here, so only the git layer starts git, and every
// history rolegraph writes is built with the same clean environment (no user or system config, no
// hooks, no signing, no line-ending conversion): the same inputs always give the same commit ids.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HistoryAuthor {
  name: string;
  email: string;
}

export interface HistoryCommit {
  message: string;
  /** ISO-8601; author and committer date alike. */
  date: string;
  author?: HistoryAuthor;
  /** Moves done with `git mv` before `files` are written. */
  renames?: ReadonlyArray<readonly [from: string, to: string]>;
  /** Path → new contents; `null` deletes the path. */
  files?: Readonly<Record<string, string | Buffer | null>>;
  tag?: string;
}

export interface HistoryWriter {
  /** The work tree. */
  readonly dir: string;
  /** Commits `change` on the current branch and answers the new commit's id. */
  commit(change: HistoryCommit): string;
  /** Any other git command in the work tree (checkout, merge, push), with the same environment. */
  git(...args: string[]): string;
}

const DEFAULT_AUTHOR: HistoryAuthor = { name: 'Test Author', email: 'author@example.com' };

/** Inherited variables that would point git at another repository, index or config. */
const INHERITED = /^GIT_/;

/** Options that decide what a commit contains or whether it runs anything of the machine's. */
const WRITE_CONFIG = [
  '-c', 'commit.gpgSign=false',
  '-c', 'tag.gpgSign=false',
  '-c', 'core.autocrlf=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'init.defaultBranch=main',
];

function historyEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!INHERITED.test(key)) env[key] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

function authorEnv(author: HistoryAuthor, date: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_COMMITTER_DATE: date,
  };
}

function runSync(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  return execFileSync('git', [...WRITE_CONFIG, ...args], { cwd, env: historyEnv({ ...DEFAULT_IDENTITY, ...env }), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Commands like `tag -a` or `merge` need an identity even when no commit of ours is being made. */
const DEFAULT_IDENTITY = authorEnv(DEFAULT_AUTHOR, '2021-01-01T00:00:00Z');

/**
 * Starts a repository in `dir` (created when missing) on `branch` and answers a writer for it.
 * Commits are written synchronously: the sample is nine commits at startup and tests read their
 * histories line by line.
 */
export function createHistory(dir: string, opts: { branch?: string } = {}): HistoryWriter {
  fs.mkdirSync(dir, { recursive: true });
  runSync(dir, ['init', '-q', '-b', opts.branch ?? 'main']);
  return {
    dir,
    git: (...args) => runSync(dir, args),
    commit(change) {
      for (const [from, to] of change.renames ?? []) {
        fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
        runSync(dir, ['mv', '--', from, to]);
      }
      for (const [file, text] of Object.entries(change.files ?? {})) {
        if (text === null) {
          runSync(dir, ['rm', '-q', '--', file]);
          continue;
        }
        const full = path.join(dir, file);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        // Written with a fixed mode so the tree id never depends on the umask or a checkout.
        fs.writeFileSync(full, text, { mode: 0o644 });
        fs.chmodSync(full, 0o644);
        runSync(dir, ['add', '--', file]);
      }
      runSync(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', change.message], authorEnv(change.author ?? DEFAULT_AUTHOR, change.date));
      if (change.tag !== undefined) runSync(dir, ['tag', '--', change.tag]);
      return runSync(dir, ['rev-parse', 'HEAD']);
    },
  };
}

/** The commit `HEAD` names in the repository at `dir`, or null when there is none (not a repository, no commit yet). */
export function headCommit(dir: string): string | null {
  try {
    return runSync(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) || null;
  } catch {
    return null;
  }
}

function runAsync(gitDir: string, args: readonly string[], opts: { input?: string; env?: Record<string, string>; raw?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...WRITE_CONFIG, ...args],
      { env: historyEnv({ GIT_DIR: gitDir, ...opts.env }), maxBuffer: 1 << 28, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`git ${args[0] ?? ''} failed: ${stderr.trim() || err.message}`));
        else resolve(opts.raw === true ? stdout : stdout.trim());
      },
    );
    // Only commands that read stdin get it; writing to one that exited first would be EPIPE.
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

export interface PushedEdit {
  branch: string;
  /** Repository path of the page to write. */
  path: string;
  /** New contents of the page, from its contents at the branch tip. */
  edit(current: string): string;
  message: string;
  date: string;
  author?: HistoryAuthor;
}

/** Every file path of the branch tip under `folder`. */
export async function listPaths(gitDir: string, branch: string, folder: string): Promise<string[]> {
  const out = await runAsync(gitDir, ['ls-tree', '-r', '--name-only', `refs/heads/${branch}`, '--', folder]);
  return out === '' ? [] : out.split('\n');
}

/**
 * Makes "one commit pushed" happen in a bare repository with no work tree: one page edited at the
 * tip with plumbing (a throwaway index, write-tree, commit-tree) and the branch moved with a
 * compare-and-swap update-ref, which is what a push does to the remote's refs.
 */
export async function pushEdit(gitDir: string, change: PushedEdit): Promise<string> {
  const ref = `refs/heads/${change.branch}`;
  const head = await runAsync(gitDir, ['rev-parse', '--verify', `${ref}^{commit}`]);
  // A page's own bytes, trailing newline included.
  const text = await runAsync(gitDir, ['cat-file', 'blob', `${head}:${change.path}`], { raw: true });
  const blob = await runAsync(gitDir, ['hash-object', '-w', '--stdin'], { input: change.edit(text) });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-index-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
    await runAsync(gitDir, ['read-tree', head], { env });
    await runAsync(gitDir, ['update-index', '--cacheinfo', `100644,${blob},${change.path}`], { env });
    const tree = await runAsync(gitDir, ['write-tree'], { env });
    const sha = await runAsync(gitDir, ['commit-tree', tree, '-p', head, '-m', change.message], { env: authorEnv(change.author ?? DEFAULT_AUTHOR, change.date) });
    await runAsync(gitDir, ['update-ref', ref, sha, head]);
    return sha;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
