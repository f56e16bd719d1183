// Replicas of `rolegraph serve` (the built CLI, real child processes) over one git repository and
// one Redis, each with its own cache folder, for the tests of src/cluster; and small HTTP readers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, type ServedCli } from './servedCli';

export interface Replica extends ServedCli {
  instance: string;
  cacheDir: string;
}

export interface ReplicaOptions {
  repoDir: string;
  redisUrl: string;
  pollSeconds: number;
  /** Added to every replica's environment (secrets, ROLEGRAPH_REDIS_LOCK_TTL_MS, ...). */
  env?: Record<string, string>;
}

/** Starts `count` replicas named replica-1..N, one after the other (they share two cores with the rest of the suite). */
export async function startReplicas(count: number, opts: ReplicaOptions): Promise<Replica[]> {
  const replicas: Replica[] = [];
  try {
    for (let i = 1; i <= count; i += 1) {
      const instance = `replica-${i}`;
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `rolegraph-${instance}-`));
      const served = await startServe(['--repo', opts.repoDir, '--cache-dir', cacheDir, '--poll-seconds', String(opts.pollSeconds), '--redis-url', opts.redisUrl], 60_000, {
        ROLEGRAPH_INSTANCE_ID: instance,
        LOG_LEVEL: 'info',
        ...opts.env,
      });
      replicas.push({ ...served, instance, cacheDir });
    }
  } catch (err) {
    await stopReplicas(replicas);
    throw err;
  }
  return replicas;
}

/** SIGTERM (a clean shutdown), then the cache folders. */
export async function stopReplicas(replicas: readonly Replica[]): Promise<void> {
  await Promise.all(
    replicas.map(async (replica) => {
      if (replica.child.exitCode === null && replica.child.signalCode === null) {
        replica.child.kill('SIGTERM');
        const timer = setTimeout(() => replica.child.kill('SIGKILL'), 15_000);
        await replica.exited;
        clearTimeout(timer);
      }
      fs.rmSync(replica.cacheDir, { recursive: true, force: true });
    }),
  );
}

export interface ReadyBody {
  status: string;
  head: string | null;
  redis: 'up' | 'down' | 'off';
  leader: boolean | null;
}

/** GET /readyz; a replica that does not answer (killed, not listening) is null. */
export async function readyz(replica: ServedCli): Promise<ReadyBody | null> {
  try {
    const res = await fetch(`${replica.base}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return (await res.json()) as ReadyBody;
  } catch {
    return null;
  }
}

/** POST /graphql with a JSON body; returns the parsed answer. */
export async function postGraphql(replica: ServedCli, body: object): Promise<any> {
  const res = await fetch(`${replica.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return res.json();
}

/** Polls `check` every 100 ms until it returns a value that is not false/null/undefined; fails naming `what` at the deadline. */
export async function eventually<T>(what: string, check: () => Promise<T | false | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The JSON log lines a replica wrote that are still in its tail. */
export function logLines(replica: ServedCli): Array<Record<string, unknown>> {
  return replica
    .logTail()
    .split('\n')
    .flatMap((line) => {
      // The tail's first line may be cut anywhere.
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
