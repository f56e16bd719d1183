// Probes that build the index: each build runs in a child process (indexChild.ts) so its time and
// peak RSS are its own. The cold build leaves its cache folder for the warm restart to reuse.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { IndexChildResult } from './indexChild';
import type { ProbeContext, ProbeOutcome } from './probes';

const CHILD = path.join(__dirname, 'indexChild.js');
/** Where coldIndex leaves its cache (clone + persisted blob cache) for warmRestart. */
const cacheOf = (ctx: ProbeContext): string => path.join(ctx.scenarioScratch, 'index-cache');

function runChild(ctx: ProbeContext, cacheDir: string): Promise<IndexChildResult | { pending: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, ctx.repoDir, cacheDir, ctx.contentDir], { maxBuffer: 1 << 20, timeout: 30 * 60_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null;
      if (code === 3) return resolve({ pending: 'needs createIndexer from src/index' });
      if (err) return reject(new Error(stderr.trim().split('\n')[0] || err.message));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as IndexChildResult);
    });
  });
}

function outcome(ctx: ProbeContext, r: IndexChildResult | { pending: string }): ProbeOutcome {
  if ('pending' in r) return { status: 'pending', reason: r.pending };
  return {
    status: 'measured',
    value: r.ms,
    unit: 'ms',
    ratioToFloor: r.ms / ctx.floor.ms,
    detail: { maxRssMB: Math.round(r.maxRssMB), commits: r.commitCount, families: r.familyCount, parsedBlobs: r.parsedBlobCount, head: r.head ?? '' },
  };
}

/** Clone into an empty cache, read the timeline, parse every blob once, build the head view. */
export async function coldIndex(ctx: ProbeContext): Promise<ProbeOutcome> {
  const cacheDir = cacheOf(ctx);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  return outcome(ctx, await runChild(ctx, cacheDir));
}

/** A new process over the cache coldIndex left: no new commits, blobs come from the persisted cache. */
export async function warmRestart(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (ctx.previous.coldIndex?.status !== 'measured') return { status: 'pending', reason: 'needs a measured cold index first' };
  return outcome(ctx, await runChild(ctx, cacheOf(ctx)));
}

/** The cold build's peak RSS (the largest of the builds). */
export async function peakRss(ctx: ProbeContext): Promise<ProbeOutcome> {
  const rss = [ctx.previous.coldIndex, ctx.previous.warmRestart].flatMap((o) =>
    o?.status === 'measured' && typeof o.detail?.maxRssMB === 'number' ? [o.detail.maxRssMB] : [],
  );
  if (rss.length === 0) return { status: 'pending', reason: 'needs a measured cold index first' };
  return { status: 'measured', value: Math.max(...rss), unit: 'MB' };
}
