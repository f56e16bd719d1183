// Refresh latency after one pushed commit. The remote is a bare copy of the scenario's repository
// (repoDir itself is never modified) and the index starts from a copy of the cold build's cache,
// so only the new commits are work. The baseline is what git alone needs for the same commit:
// fetch it into a second copy and list its changes (`git fetch` + `git diff-tree --raw`).
import fs from 'node:fs';
import path from 'node:path';
import { git } from './gitProcess';
import { cacheOf } from './indexProbes';
import { runNodeChild } from './nodeChild';
import type { ProbeContext, ProbeOutcome } from './probes';
import type { RefreshChildResult } from './refreshChild';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Median of `git fetch` + `git diff-tree` for each commit the child appended, into a copy that lacks them. */
async function refreshFloor(ctx: ProbeContext, remote: string, shas: readonly string[]): Promise<number[]> {
  const mirror = path.join(ctx.scratchDir, 'floor.git');
  await git(ctx.scratchDir, ['clone', '--bare', '--quiet', ctx.repoDir, mirror]);
  const out: number[] = [];
  for (const sha of shas) {
    const t0 = process.hrtime.bigint();
    await git(mirror, ['fetch', '--quiet', remote, `${sha}:refs/heads/main`]);
    await git(mirror, ['diff-tree', '--raw', '-r', '-M', `${sha}^`, sha, '--', ctx.contentDir]);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

export async function refreshAfterCommit(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (ctx.previous.coldIndex?.status !== 'measured') return { status: 'pending', reason: 'needs a measured cold index first' };
  const remote = path.join(ctx.scratchDir, 'remote.git');
  const cacheDir = path.join(ctx.scratchDir, 'cache');
  await git(ctx.scratchDir, ['clone', '--bare', '--quiet', ctx.repoDir, remote]);
  fs.cpSync(cacheOf(ctx), cacheDir, { recursive: true });
  const repeats = ctx.quick ? 5 : 9;
  const r = await runNodeChild<RefreshChildResult>('refreshChild.js', [remote, cacheDir, ctx.contentDir, String(repeats)], `${ctx.scenario.name}-refresh`);
  if ('pending' in r) return { status: 'pending', reason: r.pending };
  const shas = (await git(remote, ['rev-list', '--first-parent', `--max-count=${repeats}`, '--reverse', 'main'])).trim().split('\n');
  const floor = await refreshFloor(ctx, remote, shas);
  const value = median(r.ok.samplesMs);
  const floorMs = median(floor);
  return {
    status: 'measured',
    value,
    unit: 'ms',
    baselineMs: floorMs,
    detail: {
      samplesMs: r.ok.samplesMs.map((x) => Math.round(x)).join(' '),
      gitFloorMedianMs: Math.round(floorMs),
      gitFloorSamplesMs: floor.map((x) => Math.round(x)).join(' '),
      ratioToGitFloor: Number((value / floorMs).toFixed(1)),
      openMs: Math.round(r.ok.openMs),
      maxRssMB: Math.round(r.ok.maxRssMB),
      changedRolesPerCommit: r.ok.changedRoles.join(' '),
    },
  };
}
