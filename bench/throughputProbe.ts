// Query throughput and latency on loopback: four typical operations, each loaded with autocannon
// against the server with the response cache, without it, and a bare node:http server answering
// the very same bytes, all in the same run. The headline is the cached role lookup against bare.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { git } from './gitProcess';
import { loadTest, type LoadResult } from './httpLoad';
import { cacheOf } from './indexProbes';
import { heapCapArgs, imageEnv, profileArgs } from './nodeChild';
import type { ProbeContext, ProbeOutcome } from './probes';
import type { ServerChildMessage, ServerChildRequest } from './serverChild';

export const OPERATIONS = {
  roleLookup: 'query Role($id: ID!) { role(id: $id) { id title grade gradeText family { slug title } responsibilities requirements } }',
  rolePage50:
    'query RolePage { roles(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title grade gradeText family { slug title department } } } } }',
  roleHistory:
    'query RoleHistory($id: ID!) { roleHistory(id: $id, first: 20) { totalCount edges { node { change path commit { sha date message } role { title grade } changes { field before after added removed } } } } }',
  diffFirstToLast: 'query Diff($from: String!, $to: String!) { diff(from: $from, to: $to) { families { slug change } roles { id change changes { field } } } }',
  // Reads nothing: what the HTTP + Apollo pipeline costs by itself, the ceiling for any cache inside it.
  pipelineFloor: 'query PipelineFloor { __typename }',
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** The roles pickRole chooses among (execProfile.ts runs it in process). */
export const PICK_ROLE = '{ roles(first: 100) { edges { node { id history(first: 1) { totalCount } } } } }';


export class ServerChild {
  private readonly waiters: Array<(m: ServerChildMessage) => void> = [];
  private stderr = '';

  /**
   * The query server over an index cache, in a process of its own. It runs with NODE_ENV=production,
   * as the Docker image runs it: graphql-js checks every `instanceof` of its type guards a second,
   * slow way outside production (measured: ~8% of an uncached 50-role page), which no deployment pays.
   * And with the image's heap cap (Dockerfile NODE_OPTIONS): without it V8 defers major GCs and the
   * peak RSS measures garbage, not what the server keeps (bench/ANALYSIS.md, "heap cap").
   */
  static start(repoDir: string, cacheDir: string, contentDir: string, label: string): ServerChild {
    return new ServerChild(
      fork(path.join(__dirname, 'serverChild.js'), [repoDir, cacheDir, contentDir], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        execArgv: [...profileArgs(label), ...heapCapArgs('server')],
        env: imageEnv({ NODE_ENV: 'production' }),
      }),
    );
  }

  /** The server process's id (for reading its CPU time from /proc while it is loaded). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  constructor(private readonly child: ChildProcess) {
    child.on('message', (m: ServerChildMessage) => this.waiters.shift()?.(m));
    child.stderr?.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString('utf8')).slice(-4000);
    });
  }

  next<T extends ServerChildMessage['type']>(type: T): Promise<Extract<ServerChildMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        reject(new Error(`server child has exited (${this.child.exitCode ?? this.child.signalCode}): ${this.stderr.trim().split('\n')[0] ?? ''}`));
        return;
      }
      const onExit = (code: number | null): void => reject(new Error(`server child exited with ${code}: ${this.stderr.trim().split('\n')[0] ?? ''}`));
      this.child.once('exit', onExit);
      this.waiters.push((m) => {
        this.child.off('exit', onExit);
        if (m.type === type) resolve(m as Extract<ServerChildMessage, { type: T }>);
        else reject(new Error(`expected ${type} from the server child, got ${m.type}`));
      });
    });
  }

  /** Starts (or replaces) the child's bare server answering `body`; returns its URL. */
  async bare(body: Buffer): Promise<string> {
    const reply = this.next('bare');
    this.child.send({ type: 'bare', body: body.toString('base64') } satisfies ServerChildRequest);
    return (await reply).url;
  }

  async maxRssMB(): Promise<number> {
    const reply = this.next('rss');
    this.child.send({ type: 'rss' } satisfies ServerChildRequest);
    return (await reply).maxRssMB;
  }

  /** Starts a CPU profile of the server process; called again with the same file, stops it and writes it. */
  async profile(file: string): Promise<void> {
    const reply = this.next('profile');
    this.child.send({ type: 'profile', file } satisfies ServerChildRequest);
    await reply;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'exit' } satisfies ServerChildRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function post(url: string, body: string): Promise<Buffer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${bytes.toString('utf8').slice(0, 200)}`);
  const parsed = JSON.parse(bytes.toString('utf8')) as { errors?: Array<{ message: string }> };
  if (parsed.errors?.length) throw new Error(`GraphQL error: ${parsed.errors[0]!.message}`);
  return bytes;
}

/** The role with the longest history among the first 100: a history query that returns something. */
export async function pickRole(url: string): Promise<string> {
  const r = JSON.parse((await post(url, JSON.stringify({ query: PICK_ROLE }))).toString('utf8')) as {
    data: { roles: { edges: Array<{ node: { id: string; history: { totalCount: number } } }> } };
  };
  return longestHistory(r.data.roles.edges.map((e) => e.node));
}

/** The id of the role with the most versions, the first of them on a tie. */
export function longestHistory(roles: ReadonlyArray<{ id: string; history: { totalCount: number } }>): string {
  const best = [...roles].sort((a, b) => b.history.totalCount - a.history.totalCount)[0];
  if (!best) throw new Error('no roles at head');
  return best.id;
}

/** Each operation's variables over this repository: the role of pickRole, the first commit to main. */
export async function operationVariables(url: string, repoDir: string): Promise<{ roleId: string; variables: Record<OperationName, Record<string, string>> }> {
  const roleId = await pickRole(url);
  const first = (await git(repoDir, ['rev-list', '--first-parent', '--max-parents=0', 'main'])).trim().split('\n')[0]!;
  return {
    roleId,
    variables: { roleLookup: { id: roleId }, rolePage50: {}, roleHistory: { id: roleId }, diffFirstToLast: { from: first, to: 'main' }, pipelineFloor: {} },
  };
}

const round = (x: number): number => Math.round(x * 10) / 10;
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/** The slice whose req/s is the median of a variant's rounds (the lower middle of an even count). */
export function medianSlice(slices: readonly LoadResult[]): LoadResult {
  return [...slices].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor((slices.length - 1) / 2)]!;
}

const VARIANTS = ['cached', 'uncached', 'bare'] as const;

/**
 * Every operation cached, uncached and against bare node:http, in rounds: each round loads every
 * operation once in each variant, and each variant's number is its median round. The ratios the
 * targets read (an operation to the pipeline floor, the floor to bare) compare loads taken minutes
 * apart when each runs once; in rounds, each side's samples spread over the same minutes of a
 * shared machine, and one neighbour's burst moves one slice of the median, not the verdict.
 */
export async function queryThroughput(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (ctx.previous.coldIndex?.status !== 'measured') return { status: 'pending', reason: 'needs a measured cold index first' };
  const child = ServerChild.start(ctx.repoDir, cacheOf(ctx), ctx.contentDir, `${ctx.scenario.name}-server`);
  try {
    const ready = await child.next('ready');
    const { roleId, variables } = await operationVariables(ready.uncached, ctx.repoDir);
    const opts = { durationSec: ctx.quick ? 1 : 2, connections: 10 };
    const rounds = ctx.quick ? 1 : 3;
    const detail: Record<string, number | string> = { roleId, rounds, loadSeconds: opts.durationSec, connections: opts.connections };
    const fail = (name: OperationName, err: unknown): void => {
      // One operation failing (e.g. the server running out of memory) must not hide the others.
      detail[`${name}.error`] = err instanceof Error ? err.message : String(err);
      if (name === 'roleLookup') throw err;
    };
    const prepared = new Map<OperationName, { request: string; bytes: Buffer; slices: Record<(typeof VARIANTS)[number], LoadResult[]> }>();
    for (const name of Object.keys(OPERATIONS) as OperationName[]) {
      try {
        const request = JSON.stringify({ query: OPERATIONS[name], variables: variables[name], operationName: name === 'rolePage50' ? 'RolePage' : undefined });
        const bytes = await post(ready.uncached, request);
        const cachedBytes = await post(ready.cached, request);
        if (!cachedBytes.equals(bytes)) throw new Error(`${name}: the cached server answered different bytes`);
        // JIT warm-up of this operation's path in both servers (and of autocannon) before anything is
        // measured: without it, the first round of each ran at a third to half of the later ones.
        for (const url of [ready.cached, ready.uncached]) await loadTest(url, { ...opts, durationSec: 1, body: request });
        prepared.set(name, { request, bytes, slices: { cached: [], uncached: [], bare: [] } });
      } catch (err) {
        fail(name, err);
      }
    }
    for (let pass = 0; pass < rounds; pass += 1) {
      for (const [name, op] of prepared) {
        try {
          // autocannon stops sending at the deadline, but the server still owes the requests in flight;
          // one more answer from the same server means that backlog is worked off before the next run.
          const settle = async (url: string): Promise<void> => void (await post(url, op.request));
          const urls = { cached: ready.cached, uncached: ready.uncached, bare: '' };
          for (const variant of VARIANTS) {
            const url = variant === 'bare' ? await child.bare(op.bytes) : urls[variant];
            const r = await loadTest(url, { ...opts, body: op.request });
            if (r.errors > 0 || r.non2xx > 0) throw new Error(`${name} ${variant}: ${r.errors} errors, ${r.non2xx} non-2xx`);
            op.slices[variant].push(r);
            if (variant !== 'bare') await settle(url);
          }
        } catch (err) {
          prepared.delete(name);
          fail(name, err);
        }
      }
    }
    let headline: { cached: LoadResult; bare: LoadResult } | null = null;
    for (const [name, op] of prepared) {
      const median = { cached: medianSlice(op.slices.cached), uncached: medianSlice(op.slices.uncached), bare: medianSlice(op.slices.bare) };
      for (const variant of VARIANTS) {
        const r = median[variant];
        detail[`${name}.${variant}.rps`] = round(r.requestsPerSec);
        detail[`${name}.${variant}.p50ms`] = r.latencyP50Ms;
        detail[`${name}.${variant}.p99ms`] = r.latencyP99Ms;
        detail[`${name}.${variant}.rounds`] = op.slices[variant].map((x) => x.requestsPerSec.toFixed(0)).join(' ');
      }
      detail[`${name}.bytes`] = op.bytes.length;
      detail[`${name}.cachedVsBare`] = ratio(median.cached.requestsPerSec, median.bare.requestsPerSec);
      detail[`${name}.uncachedVsBare`] = ratio(median.uncached.requestsPerSec, median.bare.requestsPerSec);
      if (name === 'roleLookup') headline = { cached: median.cached, bare: median.bare };
    }
    detail.serverMaxRssMB = Math.round(await child.maxRssMB().catch(() => Number.NaN));
    detail.serverOpenMs = Math.round(ready.openMs);
    const h = headline!;
    return { status: 'measured', value: h.cached.requestsPerSec, unit: 'req/s', baseline: h.bare, detail };
  } finally {
    await child.stop();
  }
}
