// The git processes that stay on child_process.spawn: the streamed `git log` of the timeline and
// the long-lived `git cat-file --batch` (catFileBatch.ts). simple-git (gitClient.ts, used for
// every other command) buffers a command's whole output before answering and runs one request per
// process, so it can neither parse 20,000 commits as they arrive nor keep one process answering
// blob after blob. Same hardening as gitClient.ts: argument arrays only (never a shell), the
// hygienic environment, a timeout, and errors whose messages are redacted and name the operation.
import { spawn } from 'node:child_process';
import { DEFAULT_TIMEOUT_MS } from './gitClient';
import { gitEnv, SAFE_CONFIG } from './gitEnv';
import { gitFailure } from './redact';

export interface RunOptions {
  /** Repository (`repo.git` folder). */
  gitDir?: string;
  timeoutMs?: number;
  /** What the caller was doing, for the error message: `log`, `cat-file`. */
  op: string;
  /**
   * The caller spells every pathspec with its magic (`:(literal)dir`, `:(glob)…`), so git must
   * read magic: SAFE_CONFIG's `--literal-pathspecs` is left out for this call only.
   */
  magicPathspecs?: boolean;
}

export function gitArgs(opts: RunOptions, args: readonly string[]): string[] {
  const dir = opts.gitDir === undefined ? [] : [`--git-dir=${opts.gitDir}`];
  const safe = opts.magicPathspecs ? SAFE_CONFIG.filter((o) => o !== '--literal-pathspecs') : SAFE_CONFIG;
  return [...safe, ...dir, ...args];
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
