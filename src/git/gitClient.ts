// The one-shot git commands (init, clone, fetch, rev-parse, rev-list, ls-tree, show, for-each-ref) run
// through simple-git, with the same hardening as the streamed ones in spawnGit.ts: the environment
// of gitEnv.ts, SAFE_CONFIG before every subcommand, a deadline, and errors that are redacted and
// name the operation. One client per call: each call has its own deadline and repository.
// simple-git waits 50 ms after a command that wrote nothing to stdout or stderr (its completion
// plugin, for output that might still be in flight), so commands on a hot path are asked in a form
// that always prints: a verbose fetch, ancestry checks that count (reachable.ts), a rev-parse
// that may complain (resolveRef.ts).
import path from 'node:path';
import { GitError, GitPluginError, simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git';
import { GitCommandError } from './errors';
import { gitEnv, SAFE_CONFIG } from './gitEnv';
import { gitFailure } from './redact';

export interface ClientOptions {
  /** Repository (`repo.git` folder). Omitted for commands that make one (init); then `cwd`. */
  gitDir?: string;
  cwd?: string;
  /** Extra `-c key=value` pairs. Constants of this folder only — never a value from a client. */
  config?: readonly string[];
  timeoutMs?: number;
  /** What the caller was doing, for the error message: `fetch`, `resolve ref`. */
  op: string;
  /**
   * Clone/fetch: lets the operator's ssh command and askpass helper through (how a deploy key
   * or token reaches git). Local commands never need them, so they never get them.
   */
  network?: boolean;
}

/** Local commands answer in well under this; network ones pass their own. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * git exited non-zero; callers that read the exit code (merge-base --is-ancestor) look at it.
 * A GitError subclass because simple-git replaces any other error by a GitError of its text.
 */
export class GitExit extends GitError {
  constructor(
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(undefined, `git exited with ${exitCode}`);
  }
}

/**
 * Environment variables simple-git guards (every GIT_*, and EDITOR, PAGER, VISUAL, PREFIX, …):
 * its environment guard refuses a task when one is passed explicitly without being allowed, so
 * only the ones we mean to pass are kept. The first group carries our own settings.
 */
const OWN_GIT_VARS = ['GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT', 'GIT_OPTIONAL_LOCKS', 'GIT_LITERAL_PATHSPECS', 'GIT_DIR'];
/** The operator's credentials for the remote (see gitEnv.ts), for network commands only. */
const NETWORK_GIT_VARS = ['GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];
/** simple-git's own list of guarded names that do not start with GIT_. */
const GUARDED_PLAIN_VARS = new Set(['editor', 'pager', 'prefix', 'ssh_askpass', 'visual']);

function isGuarded(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('git_') || GUARDED_PLAIN_VARS.has(lower);
}

/** gitEnv() without the guarded variables we do not mean to pass, plus GIT_DIR. */
export function simpleGitEnv(gitDir: string | undefined, network: boolean): NodeJS.ProcessEnv {
  const allowed = new Set(network ? [...OWN_GIT_VARS, ...NETWORK_GIT_VARS] : OWN_GIT_VARS);
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(gitEnv())) {
    if (value !== undefined && (!isGuarded(name) || allowed.has(name))) env[name] = value;
  }
  // GIT_DIR rather than `--git-dir` (which simple-git counts as an unsafe config path) and rather
  // than the working folder alone: with a missing or broken repo.git, git would otherwise walk up
  // and find whatever repository encloses the cache.
  if (gitDir !== undefined) env.GIT_DIR = gitDir;
  // SAFE_CONFIG's `--literal-pathspecs` goes before the subcommand, where simple-git's typed
  // calls leave no room; this is its environment form. (`--no-pager` needs none: git only pages
  // to a terminal, and simple-git's stdout is a pipe.)
  env.GIT_LITERAL_PATHSPECS = '1';
  return env;
}

/**
 * simple-git refuses, by default, `-c` settings and environment variables that could make git run
 * a command, because a caller might pass untrusted values there. Ours are constants that switch
 * those features *off* or narrow them, so exactly the categories they fall under are allowed:
 * - core.hooksPath=/dev/null (no hooks; reference-transaction hooks run on fetch),
 * - core.fsmonitor=false (no fsmonitor daemon),
 * - protocol.ext.allow=never, and protocol.file.allow=always|never on fetch (a local folder is
 *   read with the file transport, which newer git restricts unless told),
 * - network only: the operator's GIT_SSH_COMMAND / GIT_SSH (ours defaults to `ssh -o BatchMode=yes`)
 *   and askpass helper, which come from the process environment, never from a client.
 * Client refs never reach `-c` or the environment: they are validated and placed after
 * `--end-of-options`.
 */
function unsafeFlags(network: boolean): SimpleGitOptions['unsafe'] {
  return {
    allowUnsafeHooksPath: true,
    allowUnsafeFsMonitor: true,
    allowUnsafeProtocolOverride: true,
    ...(network ? { allowUnsafeSshCommand: true, allowUnsafeAskPass: true } : {}),
  };
}

/** `-c a=b` pairs of SAFE_CONFIG as the `key=value` strings simple-git's `config` option takes. */
function configPairs(extra: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < SAFE_CONFIG.length; i++) {
    if (SAFE_CONFIG[i] === '-c') pairs.push(SAFE_CONFIG[++i]);
  }
  return [...pairs, ...extra];
}

/**
 * Runs `task` with a simple-git client for one repository. Every failure — git's exit code, the
 * deadline, simple-git refusing the call, a missing folder — becomes a GitCommandError whose
 * message is redacted; a GitExit is passed to `onExit` first when given, which may answer instead.
 */
export async function withGit<T>(
  opts: ClientOptions,
  task: (git: SimpleGit) => Promise<T>,
  onExit?: (exit: GitExit) => T,
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const network = opts.network === true;
  // A hard deadline: simple-git's `timeout.block` alone restarts on every chunk of output, so a
  // slow but chatty fetch would never end; the abort signal kills git (SIGINT, which lets it
  // remove its lock files) at the deadline whatever it prints.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, timeoutMs);
  // The git child keeps the process alive while it runs; the deadline alone must not.
  timer.unref();
  try {
    const git = simpleGit({
      baseDir: path.resolve(opts.gitDir ?? opts.cwd ?? '.'),
      binary: 'git',
      maxConcurrentProcesses: 1,
      trimmed: false,
      config: configPairs(opts.config ?? []),
      abort: deadline.signal,
      timeout: { block: timeoutMs },
      unsafe: unsafeFlags(network),
      allowEnvironment: network ? [...OWN_GIT_VARS, ...NETWORK_GIT_VARS] : OWN_GIT_VARS,
      // Any non-zero exit is an error (simple-git's default lets one with an empty stderr pass as
      // success, which would make `merge-base --is-ancestor` answer yes to everything).
      errors(error, result) {
        // simple-git's own refusals (unsafe option, environment guard, abort) keep their message.
        if (error instanceof GitPluginError) return error;
        if (typeof result.exitCode === 'number' && result.exitCode > 0) {
          return new GitExit(result.exitCode, Buffer.concat(result.stdErr).toString('utf8'));
        }
        return error;
      },
    }).env(simpleGitEnv(opts.gitDir === undefined ? undefined : path.resolve(opts.gitDir), network));
    return await task(git);
  } catch (error) {
    if (timedOut) throw gitFailure(opts.op, `timed out after ${timeoutMs} ms`);
    if (error instanceof GitExit && onExit) return onExit(error);
    if (error instanceof GitCommandError) throw error;
    const detail = error instanceof GitExit ? error.stderr || error.message : String((error as Error)?.message ?? error);
    // The cause is a redacted string: simple-git's own error objects hold the argument list
    // (and so the remote URL) in `task.commands`, which a logger would print.
    throw gitFailure(opts.op, detail, (error as Error)?.message ?? String(error));
  } finally {
    clearTimeout(timer);
  }
}

