// Join time of a replica through the shared parse cache (issue 14): a replica that starts with an
// empty cache folder while Redis holds the pages another replica parsed. One run, one redis-server
// started here: a first child indexes cold with Redis configured (filling it), a second child
// indexes with another empty cache folder (the join). The headline is the join's time; the ratio
// is against the same run's cold index without Redis (coldIndex), so machine load cancels out.
import fs from 'node:fs';
import path from 'node:path';
import { hasRedisServer, REDIS_SERVER, startRedis } from '../tests/helpers/redisServer';
import type { IndexChildResult } from './indexChild';
import { runNodeChild } from './nodeChild';
import type { ProbeContext, ProbeOutcome } from './probes';

/** The issue asks for 5k commits; --quick runs it on its one small scenario so the probe stays exercised. */
const JOIN_SCENARIOS = new Set(['5k', 'quick-1k']);

export async function sharedCacheJoin(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (!JOIN_SCENARIOS.has(ctx.scenario.name)) return { status: 'pending', reason: 'measured at 5k commits only' };
  if (!hasRedisServer()) return { status: 'pending', reason: `skipped: no ${REDIS_SERVER} on this machine` };
  const cold = ctx.previous.coldIndex;
  if (cold?.status !== 'measured') return { status: 'pending', reason: 'needs a measured cold index first' };
  const redis = await startRedis();
  try {
    const child = async (label: string): Promise<IndexChildResult> => {
      const cacheDir = path.join(ctx.scratchDir, label);
      fs.rmSync(cacheDir, { recursive: true, force: true });
      const r = await runNodeChild<IndexChildResult>('indexChild.js', [ctx.repoDir, cacheDir, ctx.contentDir, redis.url], `${ctx.scenario.name}-${label}`);
      if (!('ok' in r)) throw new Error(r.pending);
      return r.ok;
    };
    const fill = await child('fill');
    const join = await child('join');
    return {
      status: 'measured',
      value: join.ms,
      unit: 'ms',
      ratioToFloor: join.ms / ctx.floor.ms,
      detail: {
        joinVsCold: round(join.ms / cold.value),
        coldMs: Math.round(cold.value),
        fillMs: Math.round(fill.ms),
        fillVsCold: round(fill.ms / cold.value),
        // CPU time of the two Redis children (the clone's git processes excluded): steadier than wall time on a loaded machine.
        joinCpuMs: join.cpuMs,
        fillCpuMs: fill.cpuMs,
        joinVsFillCpu: round(join.cpuMs / fill.cpuMs),
        joinParsed: join.parsedHere,
        joinFromRedis: join.sharedFromRedis,
        fillParsed: fill.parsedHere,
        sharedFailures: fill.sharedFailures + join.sharedFailures,
        joinMaxRssMB: Math.round(join.maxRssMB),
      },
    };
  } finally {
    await redis.stop();
  }
}

const round = (x: number): number => Math.round(x * 100) / 100;
