// Probes that build the index: each build runs in a child process (indexChild.ts) so its time and
// peak RSS are its own. The cold build leaves its cache folder for the warm restart to reuse.
import fs from 'node:fs';
import path from 'node:path';
import type { IndexChildResult } from './indexChild';
import { runNodeChild } from './nodeChild';
import type { ProbeContext, ProbeOutcome } from './probes';

/** Where coldIndex leaves its cache (clone + persisted blob cache) for warmRestart. */
export const cacheOf = (ctx: ProbeContext): string => path.join(ctx.scenarioScratch, 'index-cache');

async function runChild(ctx: ProbeContext, cacheDir: string, label: string): Promise<IndexChildResult | { pending: string }> {
  const r = await runNodeChild<IndexChildResult>('indexChild.js', [ctx.repoDir, cacheDir, ctx.contentDir], `${ctx.scenario.name}-${label}`);
  return 'ok' in r ? r.ok : r;
}

function outcome(ctx: ProbeContext, r: IndexChildResult | { pending: string }): ProbeOutcome {
  if ('pending' in r) return { status: 'pending', reason: r.pending };
  return {
    status: 'measured',
    value: r.ms,
    unit: 'ms',
    ratioToFloor: r.ms / ctx.floor.ms,
    detail: { maxRssMB: Math.round(r.maxRssMB), commits: r.commitCount, families: r.familyCount, parsedBlobs: r.parsedBlobCount, parsedHere: r.parsedHere, loadedFromCache: r.loadedFromCache, head: r.head ?? '' },
  };
}

/**
 * Cold builds per scenario, each into an empty cache: the time reported is their median, as the
 * floor's is, and the peak RSS their largest. One build per run read 18.3 s in one run and 25.6 s
 * in the next, 20 minutes apart, for the same 20k build (bench/ANALYSIS.md, issue 15 target 1).
 */
export const COLD_RUNS = 3;

/** Clone into an empty cache, read the timeline, parse every blob once, build the head view. */
export async function coldIndex(ctx: ProbeContext): Promise<ProbeOutcome> {
  const cacheDir = cacheOf(ctx);
  const runs: IndexChildResult[] = [];
  for (let i = 1; i <= COLD_RUNS; i++) {
    // The last build's cache stays for warmRestart.
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const r = await runChild(ctx, cacheDir, `cold-${i}`);
    if ('pending' in r) return outcome(ctx, r);
    runs.push(r);
  }
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  const result = outcome(ctx, { ...median, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) });
  if (result.status === 'measured') {
    result.detail = { ...result.detail, runsMs: runs.map((r) => Math.round(r.ms)).join(' '), runsPersistedMs: runs.map((r) => Math.round(r.persistedMs)).join(' '), runsMaxRssMB: runs.map((r) => Math.round(r.maxRssMB)).join(' ') };
  }
  return result;
}

/** A new process over the cache coldIndex left: no new commits, blobs come from the persisted cache. */
export async function warmRestart(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (ctx.previous.coldIndex?.status !== 'measured') return { status: 'pending', reason: 'needs a measured cold index first' };
  return outcome(ctx, await runChild(ctx, cacheOf(ctx), 'warm'));
}

/** The cold build's peak RSS (the largest of the builds). */
export async function peakRss(ctx: ProbeContext): Promise<ProbeOutcome> {
  const rss = [ctx.previous.coldIndex, ctx.previous.warmRestart].flatMap((o) =>
    o?.status === 'measured' && typeof o.detail?.maxRssMB === 'number' ? [o.detail.maxRssMB] : [],
  );
  if (rss.length === 0) return { status: 'pending', reason: 'needs a measured cold index first' };
  return { status: 'measured', value: Math.max(...rss), unit: 'MB' };
}
