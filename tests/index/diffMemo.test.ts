// The index owns diff memoisation and its concurrency bound: identical (from, to) pairs share one
// computation, at most DIFF_CONCURRENCY diffs build their snapshots at once, failures are not kept.
import { diff } from '../../src/index/diff';
import { createDiffLimit, DIFF_CONCURRENCY, memoiseDiffs } from '../../src/index/diffMemo';
import type { CommitInfo, Snapshot } from '../../src/index/types';
import { corpusPage, seedPage, snapshotOf } from '../helpers/snapshotOf';

// Four real states: the VP page alone, then the CRO page added, then HV added, then the VP removed.
const VP = seedPage('vp-of-commercial-sales.md');
const CRO = corpusPage('zy-1008a37', 'content/job-families/sales/chief-revenue-officer.md');
const HV = seedPage('high-velocity-sales-and-first-orders.md');
const states = [[VP], [VP, CRO], [VP, CRO, HV], [CRO, HV]].map((pages, position) =>
  snapshotOf(pages, { sha: `${position + 1}`.repeat(40), position }),
);
const commits: CommitInfo[] = states.map((s) => s.commit);
const bySha = new Map(states.map((s) => [s.commit.sha, s]));

interface Counted {
  snapshotAt(commit: CommitInfo): Promise<Snapshot>;
  compute(from: Snapshot, to: Snapshot): ReturnType<typeof diff>;
  computed: () => number;
  maxLoading: () => number;
}

/** The snapshots above, each load taking a few ms, counting loads in flight and diffs computed. */
function counted(): Counted {
  let computed = 0;
  let loading = 0;
  let maxLoading = 0;
  return {
    async snapshotAt(commit) {
      loading += 1;
      maxLoading = Math.max(maxLoading, loading);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return bySha.get(commit.sha)!;
      } finally {
        loading -= 1;
      }
    },
    compute(from, to) {
      computed += 1;
      return diff(from, to);
    },
    computed: () => computed,
    maxLoading: () => maxLoading,
  };
}

describe('memoiseDiffs', () => {
  it('answers many concurrent identical diffs with one promise, computing the diff once', async () => {
    const c = counted();
    const diffOf = memoiseDiffs({ snapshotAt: c.snapshotAt, compute: c.compute, limit: createDiffLimit() });
    const pending = Array.from({ length: 8 }, () => diffOf(commits[0]!, commits[3]!));
    for (const p of pending) expect(p).toBe(pending[0]);
    const result = await pending[0]!;
    expect(result).toEqual(diff(states[0]!, states[3]!));
    expect(result.families.map((f) => [f.slug, f.change])).toEqual([
      ['sales/chief-revenue-officer', 'ADDED'],
      ['sales/high-velocity-sales-and-first-orders', 'ADDED'],
      ['sales/vp-of-commercial-sales', 'REMOVED'],
    ]);
    expect(c.computed()).toBe(1);
    // Asked again later: still remembered.
    expect(await diffOf(commits[0]!, commits[3]!)).toBe(result);
    expect(c.computed()).toBe(1);
  });

  it('lets at most DIFF_CONCURRENCY different diffs load their snapshots at once, and answers all of them', async () => {
    const c = counted();
    const diffOf = memoiseDiffs({ snapshotAt: c.snapshotAt, compute: c.compute, limit: createDiffLimit() });
    const pairs = [0, 1, 2].flatMap((a) => [1, 2, 3].filter((b) => b > a).map((b) => [commits[a]!, commits[b]!] as const));
    expect(pairs.length).toBeGreaterThan(DIFF_CONCURRENCY);
    const results = await Promise.all(pairs.map(([from, to]) => diffOf(from, to)));
    results.forEach((r, i) => expect([r.from.sha, r.to.sha]).toEqual([pairs[i]![0].sha, pairs[i]![1].sha]));
    // Each diff loads its two snapshots together; beyond the bound none may start.
    expect(c.maxLoading()).toBe(2 * DIFF_CONCURRENCY);
    expect(c.computed()).toBe(pairs.length);
  });

  it('shares the bound between memos given the same limit (one view and the views extended from it)', async () => {
    const c = counted();
    const limit = createDiffLimit();
    const older = memoiseDiffs({ snapshotAt: c.snapshotAt, compute: c.compute, limit });
    const newer = memoiseDiffs({ snapshotAt: c.snapshotAt, compute: c.compute, limit });
    await Promise.all([older(commits[0]!, commits[1]!), older(commits[1]!, commits[2]!), newer(commits[2]!, commits[3]!), newer(commits[0]!, commits[3]!)]);
    expect(c.maxLoading()).toBe(2 * DIFF_CONCURRENCY);
  });

  it('forgets a failed diff, so the next request tries again', async () => {
    const c = counted();
    let fail = true;
    const snapshotAt = (commit: CommitInfo): Promise<Snapshot> => {
      if (fail) return Promise.reject(new Error('tree read failed'));
      return c.snapshotAt(commit);
    };
    const diffOf = memoiseDiffs({ snapshotAt, compute: c.compute, limit: createDiffLimit() });
    await expect(diffOf(commits[0]!, commits[1]!)).rejects.toThrow('tree read failed');
    fail = false;
    expect((await diffOf(commits[0]!, commits[1]!)).families.map((f) => f.slug)).toEqual(['sales/chief-revenue-officer']);
    expect(c.computed()).toBe(1);
  });

  it('keeps at most `size` pairs, dropping the least recently used', async () => {
    const c = counted();
    const diffOf = memoiseDiffs({ snapshotAt: c.snapshotAt, compute: c.compute, limit: createDiffLimit(), size: 2 });
    const first = await diffOf(commits[0]!, commits[1]!);
    await diffOf(commits[1]!, commits[2]!);
    expect(await diffOf(commits[0]!, commits[1]!)).toBe(first); // now the most recent
    await diffOf(commits[2]!, commits[3]!); // drops 1..2
    expect(c.computed()).toBe(3);
    expect(await diffOf(commits[0]!, commits[1]!)).toBe(first);
    await diffOf(commits[1]!, commits[2]!);
    expect(c.computed()).toBe(4);
  });
});
