// The one decision from an old timeline to a new head, over plain step data: a chain of first-parent
// commits a → b → c → d, and a rewritten one a → x → y.
import type { TimelineStep } from '../../src/git/types';
import { continuation, timelineToHead, type ReadTimeline } from '../../src/index/timelineToHead';

function chain(names: string[], first: string | null): TimelineStep[] {
  return names.map((sha, i) => ({
    commit: { sha, position: i, message: sha, authorName: 'A', authorEmail: 'a@example.com', date: '2021-01-01T00:00:00.000Z', parents: [i === 0 ? first : names[i - 1]].filter((p): p is string => p !== null) },
    changes: [],
  }));
}

const WHOLE = chain(['a', 'b', 'c', 'd'], null);
const REWRITTEN = chain(['a', 'x', 'y'], null);

/** A source over one history that honours `since` like `git log --first-parent since..head`, recording each call. */
function reader(history: TimelineStep[], calls: Array<[string, string | undefined]>, ignoreSince = false): ReadTimeline {
  return async (head, since) => {
    calls.push([head, since]);
    if (since === undefined || ignoreSince) return history;
    const from = history.findIndex((s) => s.commit.sha === since);
    // Not on the chain: git answers with some other cut of history (here: everything).
    return from < 0 ? history : history.slice(from + 1);
  };
}

describe('timelineToHead', () => {
  it('extends with the commits after the old head, reading only those', async () => {
    const calls: Array<[string, string | undefined]> = [];
    const change = await timelineToHead(reader(WHOLE, calls), 'b', 'd');
    expect(change).toEqual({ kind: 'extend', steps: WHOLE.slice(2) });
    expect(calls).toEqual([['d', 'b']]);
  });

  it('extends with nothing, and reads nothing, when the old head is the new head', async () => {
    const calls: Array<[string, string | undefined]> = [];
    expect(await timelineToHead(reader(WHOLE, calls), 'd', 'd')).toEqual({ kind: 'extend', steps: [] });
    expect(calls).toEqual([]);
  });

  it('replaces the timeline when the source answers with the whole of it', async () => {
    const calls: Array<[string, string | undefined]> = [];
    expect(await timelineToHead(reader(WHOLE, calls, true), 'b', 'd')).toEqual({ kind: 'replace', steps: WHOLE });
    expect(calls).toEqual([['d', 'b']]);
  });

  it('rewrites (reads the whole timeline again) when the old head is off the new first-parent chain', async () => {
    const calls: Array<[string, string | undefined]> = [];
    // The old head `c` is gone from the rewritten history; the since-read answers a cut not starting at `c`.
    const read: ReadTimeline = async (head, since) => {
      calls.push([head, since]);
      return since === undefined ? REWRITTEN : REWRITTEN.slice(1);
    };
    expect(await timelineToHead(read, 'c', 'y')).toEqual({ kind: 'rewrite', steps: REWRITTEN });
    expect(calls).toEqual([['y', 'c'], ['y', undefined]]);
  });

  it('rewrites when there is no old timeline, and when the since-read fails (logged)', async () => {
    const calls: Array<[string, string | undefined]> = [];
    expect(await timelineToHead(reader(WHOLE, calls), null, 'd')).toEqual({ kind: 'rewrite', steps: WHOLE });
    expect(calls).toEqual([['d', undefined]]);

    const events: Array<Record<string, unknown>> = [];
    const failingSince: ReadTimeline = async (_head, since) => {
      if (since) throw new Error('bad object c');
      return WHOLE;
    };
    expect(await timelineToHead(failingSince, 'c', 'd', (e) => events.push(e))).toEqual({ kind: 'rewrite', steps: WHOLE });
    expect(events).toEqual([{ event: 'timeline-since-failed', error: 'bad object c' }]);
  });
});

describe('continuation', () => {
  it('accepts only an unbroken first-parent chain from `since` to `head`', () => {
    expect(continuation(WHOLE.slice(1), 'a', 'd')).toEqual({ kind: 'extend', steps: WHOLE.slice(1) });
    expect(continuation(WHOLE.slice(1), 'a', 'c')).toBeNull(); // does not end at head
    expect(continuation([], 'a', 'd')).toBeNull();
    expect(continuation(WHOLE.slice(2), 'a', 'd')).toBeNull(); // starts after a gap
    expect(continuation([WHOLE[1], WHOLE[3]], 'a', 'd')).toBeNull(); // a gap inside
  });
});
