// The one owner of diff memoisation and of how many diffs run at once. A first-to-last diff at
// 20,000 commits costs hundreds of ms, and ten concurrent uncached ones once grew the server from
// 1.1 GB to 2.66 GB (an off-timeline snapshot per side and thousands of role changes each); so
// identical pairs share one promise, recent pairs are kept, and at most DIFF_CONCURRENCY diffs
// build their snapshots and compare them at once while the rest queue.
import pLimit from 'p-limit';
import { diff } from './diff';
import { LRUCache } from 'lru-cache';
import type { CommitInfo, Snapshot, SnapshotDiff } from './types';

/** Diffs (snapshot builds included) computed at once per index lineage; the rest wait their turn. */
export const DIFF_CONCURRENCY = 2;
/**
 * Diffs kept per view. Small: a first-to-last diff at 20,000 commits is thousands of role changes
 * (~2 MB as JSON) and holds ~11 MB of heap once kept (was ~18 MB before list changes were joined
 * when read, bench/diffHeap.ts): measured at 20k, ten distinct diffs left 367 MB of heap after a
 * full GC with 8 kept and 252 MB with 2, against 208 MB before the load (bench/diffMemory.ts). Identical concurrent queries
 * share one execution above this (single flight) and the HTTP answer cache answers repeated ones.
 */
export const DIFF_CACHE_SIZE = 2;

export type DiffLimit = pLimit.Limit;

/** A concurrency bound for diffs; one per index lineage, handed from each view to the next. */
export function createDiffLimit(): DiffLimit {
  return pLimit(DIFF_CONCURRENCY);
}

export interface DiffMemoOptions {
  /** The view's snapshot at a commit (built on demand, maybe off the timeline). */
  snapshotAt(commit: CommitInfo): Promise<Snapshot>;
  limit: DiffLimit;
  size?: number;
  /** The pure diff; replaceable so a test can count or slow the work. */
  compute?: (from: Snapshot, to: Snapshot) => SnapshotDiff;
}

/**
 * `diff` between the snapshots at two commits, remembered per (from, to) pair: a snapshot is a pure
 * function of its commit within one view, so the shas identify the answer. An in-flight pair is
 * shared, not started twice; a failed one is forgotten, so the next request tries again.
 */
export function memoiseDiffs(opts: DiffMemoOptions): (from: CommitInfo, to: CommitInfo) => Promise<SnapshotDiff> {
  const compute = opts.compute ?? diff;
  const kept = new LRUCache<string, Promise<SnapshotDiff>>({ max: opts.size ?? DIFF_CACHE_SIZE });
  return (from, to) => {
    const key = `${from.sha}..${to.sha}`;
    let result = kept.get(key);
    if (!result) {
      result = opts.limit(async () => {
        const [a, b] = await Promise.all([opts.snapshotAt(from), opts.snapshotAt(to)]);
        return compute(a, b);
      });
      result.catch(() => kept.delete(key));
      kept.set(key, result);
    }
    return result;
  };
}
