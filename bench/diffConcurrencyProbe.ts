// The server's peak memory under concurrent uncached first-to-last diffs (issue 15, target 5): a
// fresh query server per case, then 10 clients each sending one diff after another for a few seconds
// to the server without the answer cache — all the same diff ("identical"), or each its own
// (`from` = one of the 10 oldest first-parent commits, "distinct"). Peak RSS is the server process's
// maxRSS, so each case gets its own process; the RSS right after it opened is reported beside it.
import os from 'node:os';
import { git } from './gitProcess';
import { cacheOf } from './indexProbes';
import type { ProbeContext, ProbeOutcome } from './probes';
import { OPERATIONS, post, ServerChild } from './throughputProbe';

export const DIFF_CLIENTS = 10;

export interface DiffLoadResult {
  openRssMB: number;
  peakRssMB: number;
  answers: number;
  perSec: number;
  /** Answers that were errors (on a loaded machine, a TIMEOUT): the memory they took still counts. */
  failed: number;
}

/** One loop per body, each POSTing it again as soon as it is answered, until `seconds` have passed. */
async function loadDiffs(url: string, bodies: readonly string[], seconds: number): Promise<{ answers: number; failed: number }> {
  const end = Date.now() + seconds * 1000;
  let answers = 0;
  let failed = 0;
  await Promise.all(
    bodies.map(async (body) => {
      do {
        try {
          await post(url, body);
          answers += 1;
        } catch {
          failed += 1;
        }
      } while (Date.now() < end);
    }),
  );
  return { answers, failed };
}

export async function diffLoad(repoDir: string, cacheDir: string, contentDir: string, distinct: boolean, seconds: number, label: string): Promise<DiffLoadResult> {
  const child = ServerChild.start(repoDir, cacheDir, contentDir, label);
  try {
    const ready = await child.next('ready');
    const openRssMB = await child.maxRssMB();
    const oldest = (await git(repoDir, ['rev-list', '--first-parent', '--reverse', 'main'])).trim().split('\n').slice(0, DIFF_CLIENTS);
    const bodies = Array.from({ length: DIFF_CLIENTS }, (_, i) => JSON.stringify({ query: OPERATIONS.diffFirstToLast, variables: { from: distinct ? oldest[i] : oldest[0], to: 'main' } }));
    const t0 = process.hrtime.bigint();
    const { answers, failed } = await loadDiffs(ready.uncached, bodies, seconds);
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    return { openRssMB: Math.round(openRssMB), peakRssMB: Math.round(await child.maxRssMB()), answers, perSec: Math.round((answers / elapsed) * 10) / 10, failed };
  } finally {
    await child.stop();
  }
}

export async function diffConcurrency(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (ctx.previous.coldIndex?.status !== 'measured') return { status: 'pending', reason: 'needs a measured cold index first' };
  const seconds = ctx.quick ? 1 : 5;
  const identical = await diffLoad(ctx.repoDir, cacheOf(ctx), ctx.contentDir, false, seconds, `${ctx.scenario.name}-diffs-identical`);
  const distinct = await diffLoad(ctx.repoDir, cacheOf(ctx), ctx.contentDir, true, seconds, `${ctx.scenario.name}-diffs-distinct`);
  const detail: Record<string, number> = { clients: DIFF_CLIENTS, seconds };
  for (const [name, r] of [['identical', identical], ['distinct', distinct]] as const) {
    for (const [key, value] of Object.entries(r)) detail[`${name}.${key}`] = value;
  }
  return { status: 'measured', value: Math.max(identical.peakRssMB, distinct.peakRssMB), unit: 'MB', detail };
}

// Alone: node dist-bench/bench/diffConcurrencyProbe.js REPO_DIR CACHE_DIR identical|distinct [SECONDS]
if (require.main === module) {
  const [repoDir, cacheDir, kind, seconds] = process.argv.slice(2);
  if (!repoDir || !cacheDir || (kind !== 'identical' && kind !== 'distinct')) throw new Error('usage: diffConcurrencyProbe REPO_DIR CACHE_DIR identical|distinct [SECONDS]');
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  process.stdout.write(`load at start ${load()}\n`);
  diffLoad(repoDir, cacheDir, 'content/job-families', kind === 'distinct', Number(seconds ?? 5), `diffs-${kind}`).then(
    (r) => process.stdout.write(`${kind}: ${JSON.stringify(r)}; load at end ${load()}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
