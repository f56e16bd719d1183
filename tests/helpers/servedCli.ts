// The built `rolegraph serve` (dist/cli/cli.js) as a child process on a free loopback port, for
// tests that kill and restart it: it resolves once the "listening" log line names the URL.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'cli.js');
/** How much of the child's output is kept for a failure message. */
const LOG_TAIL_CHARS = 32_000;

export interface ServedCli {
  /** http://127.0.0.1:<port> (no path). */
  base: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves with the exit code, or the signal's name, once the process is gone. */
  exited: Promise<number | string | null>;
  /** The last output lines, for a failure message. */
  logTail(): string;
}

/**
 * Starts `rolegraph serve <args> --port 0 --host 127.0.0.1`; rejects if it exits or is silent for `timeoutMs`.
 * `env` is added to this process's environment (ROLEGRAPH_REDIS_URL, ROLEGRAPH_INSTANCE_ID, ...).
 */
export function startServe(args: string[], timeoutMs = 30_000, env: Record<string, string> = {}): Promise<ServedCli> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let tail = '';
  // Both streams are read to the end: a child writing to a full pipe would block.
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
  };
  child.stderr.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise<ServedCli>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not listen within ${timeoutMs} ms: ${tail}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"msg":"listening"')) continue;
        clearTimeout(timer);
        resolve({ base: new URL(String(JSON.parse(line).url)).origin, child, exited, logTail: () => tail });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${how}) before listening: ${tail}`));
    });
  });
}
