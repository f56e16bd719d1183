// The one place that starts git processes: argument arrays only (never a shell), the hygienic
// environment, a timeout, and errors whose messages are redacted and name the operation.
import { execFile, spawn } from 'node:child_process';
import { GitCommandError } from './errors';
import { gitEnv, SAFE_CONFIG } from './gitEnv';
import { redactCredentials } from './redact';

export interface RunOptions {
  /** Repository (`repo.git` folder). Omitted for commands that make one (init). */
  gitDir?: string;
  /** Extra `-c key=value` pairs placed before the subcommand. */
  config?: readonly string[];
  timeoutMs?: number;
  /** What the caller was doing, for the error message: `fetch`, `resolve ref`. */
  op: string;
}

/** Local commands answer in well under this; network ones pass their own. */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Large enough for `ls-tree -r` of a big handbook; the timeline streams instead. */
const MAX_BUFFER = 512 * 1024 * 1024;

export function gitArgs(opts: RunOptions, args: readonly string[]): string[] {
  const config: string[] = [];
  for (const pair of opts.config ?? []) config.push('-c', pair);
  const dir = opts.gitDir === undefined ? [] : [`--git-dir=${opts.gitDir}`];
  return [...SAFE_CONFIG, ...config, ...dir, ...args];
}

export function gitFailure(op: string, detail: string, cause?: unknown): GitCommandError {
  const text = redactCredentials(detail.trim()).split('\n').filter(Boolean).slice(-3).join(' | ');
  return new GitCommandError(`git ${op} failed${text ? `: ${text}` : ''}`, {
    cause: cause === undefined ? undefined : redactCredentials(String(cause)),
  });
}

export interface RunResult {
  stdout: Buffer;
  /** Exit code; callers that accept a failure (rev-parse --quiet) look at it. */
  code: number;
}

/**
 * Runs git and buffers its output. Resolves with non-zero exit codes only when `allowFail` is set;
 * otherwise a failure becomes a GitCommandError.
 */
export function runGit(
  args: readonly string[],
  opts: RunOptions & { allowFail?: boolean; input?: string },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      gitArgs(opts, args),
      {
        env: gitEnv(),
        encoding: 'buffer',
        maxBuffer: MAX_BUFFER,
        timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        // SIGTERM lets git remove its lock files, so the next fetch is not blocked by them.
        killSignal: 'SIGTERM',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, code: 0 });
        const err = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
        if (err.killed) {
          return reject(gitFailure(opts.op, `timed out after ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`));
        }
        if (typeof err.code === 'number' && opts.allowFail) return resolve({ stdout, code: err.code });
        reject(gitFailure(opts.op, stderr.toString('utf8') || String(err.code ?? ''), err.message));
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

/**
 * Runs git and hands its stdout to `onData` chunk by chunk, for outputs too big to buffer as one
 * string (the timeline of 20,000 commits).
 */
export function streamGit(
  args: readonly string[],
  opts: RunOptions,
  onData: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(opts, args), {
      env: gitEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    let failed: unknown = null;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep only the start of a chatty stderr; the message needs a few lines.
      if (stderrBytes < 64 * 1024) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onData(chunk);
      } catch (error) {
        // A parse error: stop git rather than read the rest of a stream we cannot understand.
        failed = error;
        child.kill('SIGKILL');
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(gitFailure(opts.op, error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failed) return reject(failed);
      if (timedOut) return reject(gitFailure(opts.op, `timed out after ${timeoutMs} ms`));
      if (code !== 0) return reject(gitFailure(opts.op, Buffer.concat(stderr).toString('utf8') || `exit ${code}`));
      resolve();
    });
  });
}
