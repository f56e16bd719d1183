// Keeps `<cacheDir>/repo.git` — a bare repository holding the tracked branch and the tags — in step
// with the remote. The first call makes it in a temporary folder (init + fetch, or git's local clone
// when the remote is a folder), renamed into place only when complete; later calls fetch. The
// remote URL is passed on each fetch and never written to the repository's config, so a token in
// it does not rest on disk.
// A clone git can no longer read (a branch ref at a missing object, a garbage HEAD, a deleted
// objects/ folder) would fail every fetch for good: after a failed fetch, such a clone is set aside
// and cloned again (the parse cache beside it is untouched, so nothing is parsed twice).
import fs from 'node:fs/promises';
import path from 'node:path';
import { GitCommandError } from './errors';
import { redactCredentials } from './redact';
import { withGit } from './gitClient';
import { isAncestor } from './reachable';
import { removeStaleLocks } from './staleLocks';
import { isFullObjectId } from './validate';

export interface CloneOrFetchOptions {
  /** A URL (`https://…`, `ssh://…`, `git@host:path`) or a local path. */
  remote: string;
  branch: string;
  cacheDir: string;
  /** Limit for the network operation. */
  timeoutMs?: number;
}

export interface CloneOrFetchResult {
  gitDir: string;
  /** Full sha of the tracked branch after the fetch. */
  head: string;
  /** True when the cache was created by this call. */
  cloned: boolean;
  /** Present when the clone was damaged and made again by this call. */
  repaired?: true;
  /** Present when the fetch rewrote the branch (a force-push) and the dropped commits were pruned. */
  pruned?: true;
}

/** Limit for pruning after a force-push: past it git gc is stopped and the next rewrite tries again. */
export const PRUNE_TIMEOUT_MS = 60_000;

export const DEFAULT_NETWORK_TIMEOUT_MS = 5 * 60_000;

/** `scheme://…` — any URL git would hand to a transport. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** scp-like `user@host:path` / `host:path` (git's own rule: a colon before any slash). */
const SCP_LIKE = /^[^/:]+:/;
/** A branch name we will write into refspecs: the check-ref-format rules, checked by git as well. */
// eslint-disable-next-line no-control-regex
const BRANCH_FORBIDDEN = /[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|^[-/.]|[/.]$|\/\/|\/\.|\.lock(?:\/|$)/;

export function gitDirOf(cacheDir: string): string {
  return path.join(path.resolve(cacheDir), 'repo.git');
}

/** True for a local folder rather than a URL. */
export function isLocalRemote(remote: string): boolean {
  return !URL_SCHEME.test(remote) && !SCP_LIKE.test(remote);
}

export function assertBranchName(branch: string): string {
  if (typeof branch !== 'string' || branch === '' || branch.length > 256 || BRANCH_FORBIDDEN.test(branch)) {
    throw new GitCommandError(`invalid branch name: ${JSON.stringify(String(branch).slice(0, 80))}`);
  }
  return branch;
}

function checkRemote(remote: string): string {
  if (typeof remote !== 'string' || remote === '' || remote.startsWith('-')) {
    throw new GitCommandError(`invalid remote: ${JSON.stringify(redactCredentials(String(remote)).slice(0, 200))}`);
  }
  // ext:: runs a command; fd:: reads descriptors. Neither has a place in a content source.
  if (/^(?:ext|fd)::/i.test(remote)) throw new GitCommandError('remote transport not allowed');
  return isLocalRemote(remote) ? path.resolve(remote) : remote;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Local folders and `file://` URLs: read with the file transport. */
function usesFileTransport(remote: string): boolean {
  return isLocalRemote(remote) || /^file:\/\//i.test(remote);
}

/** Fetches the branch and the tags; answers the branch head, read through git afterwards. */
async function fetchInto(gitDir: string, remote: string, branch: string, timeoutMs: number): Promise<string> {
  await fetchOnly(gitDir, remote, branch, timeoutMs);
  return branchHead(gitDir, branch);
}

async function fetchOnly(gitDir: string, remote: string, branch: string, timeoutMs: number): Promise<void> {
  const local = usesFileTransport(remote);
  await withGit(
    {
      gitDir,
      op: 'fetch',
      timeoutMs,
      network: true,
      // Local folders are read with the file transport, which newer git restricts by default.
      config: local ? ['protocol.file.allow=always'] : ['protocol.file.allow=never'],
    },
    // simple-git's fetch(remote, branch) would place the remote before our options and without
    // `--end-of-options`, so the whole argument list goes in as options, in our order.
    (git) => git.fetch([
      // Verbose, never quiet: a fetch with nothing to say would cost 50 ms more (gitClient.ts).
      '--verbose',
      '--no-tags',
      '--prune',
      '--update-head-ok',
      '--no-recurse-submodules',
      '--end-of-options',
      remote,
      // Forced, so a rewritten remote history (force-push) replaces ours instead of failing.
      `+refs/heads/${branch}:refs/heads/${branch}`,
      '+refs/tags/*:refs/tags/*',
    ]),
  );
}

/** Full sha of `refs/heads/<branch>` in the cache; the branch name was checked by assertBranchName. */
export function branchHead(gitDir: string, branch: string): Promise<string> {
  return withGit({ gitDir, op: 'rev-parse' }, (git) =>
    git.revparse(['--verify', '--end-of-options', `refs/heads/${branch}^{commit}`]),
  );
}

/**
 * The branch head when `before` is in its history (the head itself included): a fetch that moved
 * the branch forward, or not at all. Null otherwise — a rewrite, or no answer — and the caller reads
 * the head on its own. One git process where reading the head and asking about `before` take two:
 * this runs after every fetch, and a git process costs 10–15 ms to start on a loaded machine.
 */
async function headContaining(gitDir: string, branch: string, before: string): Promise<string | null> {
  const listed = await withGit({ gitDir, op: 'for-each-ref' }, (git) =>
    git.raw(['for-each-ref', '--format=%(objecttype) %(objectname)', `--contains=${before}`, '--', `refs/heads/${branch}`]),
  ).catch(() => '');
  const [type, sha] = listed.trim().split(' ');
  return type === 'commit' && sha !== undefined && isFullObjectId(sha) ? sha : null;
}

/**
 * True when git cannot read the clone itself, as opposed to a fetch that failed at the remote:
 * listing every ref with its object's type fails on a garbage HEAD or a missing objects/ folder
 * ("not a git repository") and on a ref whose object is missing ("missing object … for
 * refs/heads/main"). An fsck-lite: it reads each ref's object, not the whole history.
 */
export async function localCloneBroken(gitDir: string): Promise<boolean> {
  try {
    await withGit({ gitDir, op: 'check clone' }, (git) => git.raw(['for-each-ref', '--format=%(objecttype)']));
    return false;
  } catch {
    return true;
  }
}

/**
 * After a force-push, drops what no ref reaches any more (the rewritten commits and their pages), so
 * they are gone from the clone, not only refused (src/git/reachable.ts). Bounded by PRUNE_TIMEOUT_MS,
 * best effort: a failure leaves them for the next rewrite or git's own gc.
 */
async function pruneUnreachable(gitDir: string): Promise<{ pruned?: true }> {
  try {
    await withGit({ gitDir, op: 'reflog expire', timeoutMs: PRUNE_TIMEOUT_MS }, (git) => git.raw(['reflog', 'expire', '--expire=now', '--all']));
    await withGit({ gitDir, op: 'gc', timeoutMs: PRUNE_TIMEOUT_MS }, (git) => git.raw(['gc', '--quiet', '--prune=now']));
    return { pruned: true };
  } catch {
    return {};
  }
}

/** Clones into `<cacheDir>/repo.git` when absent, fetches otherwise; returns the branch head. */
export async function cloneOrFetch(opts: CloneOrFetchOptions): Promise<CloneOrFetchResult> {
  const branch = assertBranchName(opts.branch);
  const remote = checkRemote(opts.remote);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const gitDir = gitDirOf(opts.cacheDir);

  if (await exists(path.join(gitDir, 'HEAD'))) {
    try {
      // A lock older than any deadline we give git belongs to a git that was killed (staleLocks.ts).
      await removeStaleLocks(gitDir, Math.max(timeoutMs, PRUNE_TIMEOUT_MS));
      const before = await branchHead(gitDir, branch).catch(() => null);
      await fetchOnly(gitDir, remote, branch, timeoutMs);
      const forward = before ? await headContaining(gitDir, branch, before) : null;
      if (forward) return { gitDir, head: forward, cloned: false };
      const head = await branchHead(gitDir, branch);
      // Any failure to tell counts as a rewrite: pruning is best effort and safe either way.
      if (before && before !== head && !(await isAncestor(gitDir, before, head).catch(() => false))) {
        return { gitDir, head, cloned: false, ...(await pruneUnreachable(gitDir)) };
      }
      return { gitDir, head, cloned: false };
    } catch (error) {
      if (!(await localCloneBroken(gitDir))) throw error;
      // Set aside (a rename, so a reader never sees half of it), clone afresh, then drop it.
      const aside = `${gitDir}.damaged-${process.pid}-${Date.now()}`;
      await fs.rename(gitDir, aside);
      try {
        return { ...(await cloneInto(gitDir, remote, branch, timeoutMs)), repaired: true };
      } finally {
        await fs.rm(aside, { recursive: true, force: true });
      }
    }
  }
  return cloneInto(gitDir, remote, branch, timeoutMs);
}

/**
 * A local folder cloned the way git clones one: its object files hardlinked (copied across file
 * systems) rather than streamed through pack-objects and index-pack, which re-hash and re-delta
 * every object — 7.5 s of a 43 s cold 20k build on this machine, more than the whole git floor
 * (bench/ANALYSIS.md). Only the tracked branch's ref is made, and the source's path is dropped from
 * the config, so the result is what init + fetch make. False when git refuses (no such branch, not
 * a repository, a source git will not clone locally): init + fetch then run as before, with their
 * errors. Objects of the source's other branches come along; they serve no client, since a commit
 * off the timeline is answered only when reachable from the head or a tag (resolveClientRef.ts).
 */
async function localClone(temp: string, remote: string, branch: string, timeoutMs: number): Promise<boolean> {
  try {
    await withGit({ cwd: path.dirname(temp), op: 'clone', timeoutMs, config: ['protocol.file.allow=always'] }, (git) =>
      git.raw(['clone', '--bare', '--no-tags', '--single-branch', '--branch', branch, '--', remote, temp]),
    );
    await withGit({ gitDir: temp, op: 'config' }, (git) => git.raw(['config', '--remove-section', 'remote.origin']));
    return true;
  } catch {
    await fs.rm(temp, { recursive: true, force: true });
    return false;
  }
}

/** A new clone at `gitDir`: init and fetch into a temporary folder, renamed into place when complete. */
async function cloneInto(gitDir: string, remote: string, branch: string, timeoutMs: number): Promise<CloneOrFetchResult> {
  // A folder without HEAD is the remains of something else; a new cache replaces it.
  await fs.rm(gitDir, { recursive: true, force: true });
  await fs.mkdir(path.dirname(gitDir), { recursive: true });
  const temp = `${gitDir}.tmp-${process.pid}-${Date.now()}`;
  try {
    if (!(isLocalRemote(remote) && (await localClone(temp, remote, branch, timeoutMs)))) {
      await withGit({ cwd: path.dirname(temp), op: 'init' }, (git) =>
        git.init(true, [`--initial-branch=${branch}`, '--', temp]),
      );
    }
    // After a local clone too: it brings the tags, and leaves refs exactly as a fetch makes them.
    const head = await fetchInto(temp, remote, branch, timeoutMs);
    try {
      await fs.rename(temp, gitDir);
    } catch (error) {
      // Another process (the CLI beside the server) finished its clone first: use that one.
      if (!(await exists(path.join(gitDir, 'HEAD')))) throw error;
      await fs.rm(temp, { recursive: true, force: true });
      return { gitDir, head: await fetchInto(gitDir, remote, branch, timeoutMs), cloned: false };
    }
    return { gitDir, head, cloned: true };
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
}
