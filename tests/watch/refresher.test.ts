import type { CommitInfo, Indexer, RefreshResult } from '../../src/index/types';
import { backoffDelay, createRefresher } from '../../src/watch';
import type { RefreshEvent, Scheduler } from '../../src/watch';

function commit(n: number): CommitInfo {
  return {
    sha: String(n).padStart(40, '0'),
    position: n,
    message: `commit ${n}`,
    authorName: 'A',
    authorEmail: 'a@example.com',
    date: '2021-01-01T00:00:00.000Z',
    parents: [],
  };
}

/** An Indexer.refresh double whose calls stay pending until the test settles them, in order. */
function controlledIndexer() {
  const calls: Array<{ resolve: (r: RefreshResult) => void; reject: (e: Error) => void }> = [];
  const indexer: Pick<Indexer, 'refresh'> = {
    refresh: () =>
      new Promise<RefreshResult>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  };
  const result = (n: number): RefreshResult => ({ head: commit(n), previousHead: commit(n - 1), changedRoleIds: [] });
  return { indexer, calls, result };
}

/** Timers the test fires by hand. */
function manualScheduler() {
  const pending: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const scheduler: Scheduler = {
    setTimeout(fn, ms) {
      const entry = { fn, ms, cleared: false };
      pending.push(entry);
      return entry;
    },
    clearTimeout(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const live = () => pending.filter((t) => !t.cleared);
  const fire = () => {
    const [next] = live();
    if (!next) throw new Error('no timer pending');
    next.cleared = true;
    next.fn();
  };
  return { scheduler, live, fire };
}

/** Lets promise callbacks (then-chains) run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createRefresher: single flight and coalescing', () => {
  it('turns a burst of 50 triggers during a refresh into exactly one follow-up, and resolves them all', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const refresher = createRefresher(indexer, { pollSeconds: 0 });

    const first = refresher.trigger('webhook');
    const burst = Array.from({ length: 50 }, (_, i) => refresher.trigger(`webhook ${i}`));
    await flush();
    expect(calls).toHaveLength(1);

    calls[0].resolve(result(1));
    await flush();
    expect(calls).toHaveLength(2); // the follow-up started only after the first ended
    calls[1].resolve(result(2));

    expect(await first).toEqual(result(1));
    const settled = await Promise.all(burst);
    expect(settled).toHaveLength(50);
    // Every trigger of the burst sees the refresh that started after it, so the last push is in.
    for (const r of settled) expect(r).toEqual(result(2));
    expect(calls).toHaveLength(2);
    expect(refresher.stats()).toMatchObject({ refreshes: 2, failures: 0, coalesced: 49, inFlight: false });
  });

  it('a trigger during the follow-up schedules another refresh', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const refresher = createRefresher(indexer, { pollSeconds: 0 });
    void refresher.trigger('a');
    const second = refresher.trigger('b');
    calls[0].resolve(result(1));
    await flush();
    expect(calls).toHaveLength(2);
    const third = refresher.trigger('c');
    calls[1].resolve(result(2));
    await flush();
    expect(calls).toHaveLength(3);
    calls[2].resolve(result(3));
    expect(await second).toEqual(result(2));
    expect(await third).toEqual(result(3));
  });

  it('a trigger made when a refresh has settled starts a new one at once', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const refresher = createRefresher(indexer, { pollSeconds: 0 });
    const a = refresher.trigger('a');
    calls[0].resolve(result(1));
    expect(await a).toEqual(result(1));
    const b = refresher.trigger('b');
    expect(calls).toHaveLength(2);
    calls[1].resolve(result(2));
    expect(await b).toEqual(result(2));
    expect(refresher.stats().coalesced).toBe(0);
  });
});

describe('createRefresher: failures', () => {
  it('resolves null instead of rejecting, counts the failure and reports it to listeners', async () => {
    const { indexer, calls } = controlledIndexer();
    const refresher = createRefresher(indexer, { pollSeconds: 0 });
    const events: RefreshEvent[] = [];
    refresher.onRefresh((e) => events.push(e));
    const p = refresher.trigger('webhook');
    calls[0].reject(new Error('git fetch failed: could not read from remote'));
    expect(await p).toBeNull();
    expect(refresher.stats()).toMatchObject({
      refreshes: 1,
      failures: 1,
      consecutiveFailures: 1,
      lastError: 'git fetch failed: could not read from remote',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'webhook', ok: false, result: null, error: 'git fetch failed: could not read from remote' });
  });

  it('retries with growing backoff after failures, then returns to the poll interval on success', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const timers = manualScheduler();
    const refresher = createRefresher(indexer, {
      pollSeconds: 60,
      backoff: { initialMs: 1000, maxMs: 3000 },
      scheduler: timers.scheduler,
      random: () => 1, // no jitter below the full step, so delays are exact
    });
    refresher.start({ immediate: true });
    expect(calls).toHaveLength(1);

    calls[0].reject(new Error('remote down'));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([1000]);

    timers.fire();
    expect(calls).toHaveLength(2);
    calls[1].reject(new Error('remote down'));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([2000]);

    timers.fire();
    calls[2].reject(new Error('remote down'));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([3000]); // capped at maxMs

    timers.fire();
    calls[3].resolve(result(1));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([60_000]);
    expect(refresher.stats()).toMatchObject({ refreshes: 4, failures: 3, consecutiveFailures: 0, lastError: null });
    await refresher.stop();
  });

  it('keeps retrying a failed refresh even when polling is off', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const timers = manualScheduler();
    const refresher = createRefresher(indexer, {
      pollSeconds: 0,
      backoff: { initialMs: 500, maxMs: 500 },
      scheduler: timers.scheduler,
      random: () => 0,
    });
    refresher.start();
    expect(timers.live()).toHaveLength(0);
    void refresher.trigger('webhook');
    calls[0].reject(new Error('remote down'));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([250]); // half the step with no jitter
    timers.fire();
    calls[1].resolve(result(1));
    await flush();
    expect(timers.live()).toHaveLength(0); // success, and no polling: nothing more to do
  });
});

describe('createRefresher: polling', () => {
  it('polls every pollSeconds, and a triggered refresh restarts the interval', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const timers = manualScheduler();
    const refresher = createRefresher(indexer, { pollSeconds: 30, scheduler: timers.scheduler });
    refresher.start();
    expect(timers.live().map((t) => t.ms)).toEqual([30_000]);
    expect(calls).toHaveLength(0);

    timers.fire();
    expect(calls).toHaveLength(1);
    calls[0].resolve(result(1));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([30_000]);

    void refresher.trigger('webhook');
    expect(timers.live()).toHaveLength(0); // the pending poll was cancelled by the refresh
    calls[1].resolve(result(2));
    await flush();
    expect(timers.live().map((t) => t.ms)).toEqual([30_000]);
    await refresher.stop();
    expect(timers.live()).toHaveLength(0);
  });

  it('polls with real timers', async () => {
    let n = 0;
    const indexer: Pick<Indexer, 'refresh'> = {
      refresh: async () => {
        n += 1;
        return { head: commit(n), previousHead: null, changedRoleIds: [] };
      },
    };
    const refresher = createRefresher(indexer, { pollSeconds: 0.02 });
    const seen = new Promise<void>((resolve) => {
      refresher.onRefresh(() => {
        if (n >= 2) resolve();
      });
    });
    refresher.start();
    await seen;
    await refresher.stop();
    const after = n;
    await new Promise((r) => setTimeout(r, 60));
    expect(n).toBe(after); // stopped means stopped
    expect(after).toBeGreaterThanOrEqual(2);
  });

  it('refuses triggers after stop and waits for the refresh in flight', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const refresher = createRefresher(indexer, { pollSeconds: 0 });
    const inFlight = refresher.trigger('a');
    const follow = refresher.trigger('b');
    let stopped = false;
    const stopping = refresher.stop().then(() => {
      stopped = true;
    });
    await flush();
    expect(stopped).toBe(false);
    calls[0].resolve(result(1));
    await stopping;
    expect(await inFlight).toEqual(result(1));
    expect(await follow).toBeNull(); // the follow-up is dropped once stopped
    expect(await refresher.trigger('c')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('rejects a negative poll interval', () => {
    const { indexer } = controlledIndexer();
    expect(() => createRefresher(indexer, { pollSeconds: -1 })).toThrow(RangeError);
  });
});

describe('createRefresher: webhook window', () => {
  /** A clock the test moves (milliseconds). */
  const clock = () => {
    let ms = 0;
    return { now: () => ms, advance: (by: number) => (ms += by) };
  };

  it('turns a flood of 200 deliveries in 0.5 s into one fetch now and one at the window end, which sees the last push', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const { scheduler, live, fire } = manualScheduler();
    const time = clock();
    const refresher = createRefresher(indexer, { pollSeconds: 0, scheduler, now: time.now, webhookWindowSeconds: 10 });

    const first = refresher.trigger('webhook:gitlab');
    await flush();
    expect(calls).toHaveLength(1);
    calls[0].resolve(result(1));
    expect(await first).toEqual(result(1));

    // The flood: a delivery every 2.5 ms, each after the refresh before it has ended.
    const flood: Array<Promise<unknown>> = [];
    for (let i = 0; i < 199; i += 1) {
      time.advance(2.5);
      flood.push(refresher.trigger('webhook:gitlab'));
    }
    await flush();
    expect(calls).toHaveLength(1); // no back-to-back fetches while it lasts
    expect(live().map((t) => t.ms)).toEqual([10_000 - 2.5]); // one wait, to the end of the window the first fetch opened
    expect(refresher.stats()).toMatchObject({ webhookCoalesced: 198, inFlight: true });

    time.advance(10_000);
    fire();
    await flush();
    expect(calls).toHaveLength(2);
    calls[1].resolve(result(2));
    for (const r of await Promise.all(flood)) expect(r).toEqual(result(2));
    expect(refresher.stats()).toMatchObject({ refreshes: 2, webhookCoalesced: 198, inFlight: false });
  });

  it('a delivery after a quiet window fetches at once; other reasons never wait for the window', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const { scheduler, live } = manualScheduler();
    const time = clock();
    const refresher = createRefresher(indexer, { pollSeconds: 0, scheduler, now: time.now, webhookWindowSeconds: 10 });
    void refresher.trigger('webhook:github');
    calls[0].resolve(result(1));
    await flush();
    time.advance(1_000);
    const graphql = refresher.trigger('graphql');
    await flush();
    expect(calls).toHaveLength(2); // the admin's refresh is not a webhook
    calls[1].resolve(result(2));
    expect(await graphql).toEqual(result(2));
    time.advance(10_000);
    void refresher.trigger('webhook:github');
    await flush();
    expect(calls).toHaveLength(3);
    expect(live()).toEqual([]);
    calls[2].resolve(result(3));
  });

  it('stop() settles a delivery waiting for the window with null, and starts nothing', async () => {
    const { indexer, calls, result } = controlledIndexer();
    const { scheduler, live } = manualScheduler();
    const time = clock();
    const refresher = createRefresher(indexer, { pollSeconds: 0, scheduler, now: time.now, webhookWindowSeconds: 10 });
    void refresher.trigger('webhook:gitlab');
    calls[0].resolve(result(1));
    await flush();
    const waiting = refresher.trigger('webhook:gitlab');
    await refresher.stop();
    expect(await waiting).toBeNull();
    expect(live()).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  const opts = { initialMs: 100, maxMs: 1000 };
  it('doubles per failure up to the cap, with jitter in the upper half of the step', () => {
    expect([1, 2, 3, 4, 5, 40].map((n) => backoffDelay(n, opts, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(300);
  });
});
