// Keeps the index fresh: polls, and turns webhook bursts into at most one extra refresh. A sustained
// flood is bounded in time as well: webhook-triggered fetches start at most once per window, the
// triggers inside a window sharing one refresh at its end (so the last push is always fetched).
// The Indexer does the work and keeps the last good view on failure; this file only decides when,
// and is the one queue: the indexer refuses a refresh while one runs instead of queueing it.
import { performance } from 'node:perf_hooks';
import type { Indexer, RefreshResult } from '../index';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { RefreshEvent, Refresher, RefresherOptions, RefresherStats, Scheduler } from './types';

/** Real timers, unref'd so a pending poll never keeps a finished process alive. */
const REAL_SCHEDULER: Scheduler = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** Reasons the server gives webhook deliveries (`webhook:gitlab`, `webhook:github`). */
const WEBHOOK_REASON = 'webhook:';
export const DEFAULT_WEBHOOK_WINDOW_SECONDS = 5;

export function createRefresher(indexer: Pick<Indexer, 'refresh'>, opts: RefresherOptions): Refresher {
  if (!Number.isFinite(opts.pollSeconds) || opts.pollSeconds < 0) {
    throw new RangeError(`createRefresher: pollSeconds must be >= 0, got ${opts.pollSeconds}`);
  }
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const scheduler = opts.scheduler ?? REAL_SCHEDULER;
  const now = opts.now ?? (() => performance.now());
  const random = opts.random ?? Math.random;
  const listeners = new Set<(event: RefreshEvent) => void>();

  const webhookWindowMs = (opts.webhookWindowSeconds ?? DEFAULT_WEBHOOK_WINDOW_SECONDS) * 1000;
  if (!Number.isFinite(webhookWindowMs) || webhookWindowMs < 0) {
    throw new RangeError(`createRefresher: webhookWindowSeconds must be >= 0, got ${opts.webhookWindowSeconds}`);
  }
  const counts = { refreshes: 0, failures: 0, coalesced: 0, webhookCoalesced: 0, consecutiveFailures: 0 };
  /** When the last webhook-triggered refresh was asked of the single flight (clock of `now`). */
  let lastWebhookAt = Number.NEGATIVE_INFINITY;
  /** The one refresh waiting for the webhook window to end, which every webhook until then shares. */
  let windowed: { promise: Promise<RefreshResult | null>; handle: unknown; cancel: () => void } | null = null;
  let lastError: string | null = null;
  /** The failure's `code` when it carried one (GIT_FAILED from the git layer), so callers can say what failed. */
  let lastErrorCode: string | null = null;
  /** The refresh in flight, if any. */
  let running: Promise<RefreshResult | null> | null = null;
  /** The one follow-up every trigger during `running` shares; starts when `running` settles. */
  let followUp: Promise<RefreshResult | null> | null = null;
  let polling = false;
  let stopped = false;
  let timer: unknown = null;

  function emit(event: RefreshEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A broken metrics listener must not break refreshing.
        opts.log?.warn({ err: String(error) }, 'refresh listener threw');
      }
    }
  }

  async function attempt(reason: string): Promise<RefreshResult | null> {
    counts.refreshes += 1;
    const startedAt = now();
    try {
      const result = await indexer.refresh();
      counts.consecutiveFailures = 0;
      lastError = null;
      lastErrorCode = null;
      const durationSeconds = (now() - startedAt) / 1000;
      opts.log?.info({ reason, head: result.head.sha, changed: result.changedRoleIds.length, durationSeconds }, 'refreshed');
      emit({ reason, ok: true, durationSeconds, result, error: null });
      return result;
    } catch (error) {
      counts.failures += 1;
      counts.consecutiveFailures += 1;
      lastError = error instanceof Error ? error.message : String(error);
      lastErrorCode = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : null;
      const durationSeconds = (now() - startedAt) / 1000;
      opts.log?.warn({ reason, err: lastError, consecutiveFailures: counts.consecutiveFailures }, 'refresh failed');
      emit({ reason, ok: false, durationSeconds, result: null, error: lastError });
      return null;
    }
  }

  function clearTimer(): void {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
  }

  /** After each attempt: the next poll, or a backoff retry when it failed (even with polling off). */
  function scheduleNext(failed: boolean): void {
    if (!polling || followUp) return; // the follow-up schedules when it ends
    clearTimer();
    let delay: number | null = null;
    if (failed) delay = backoffDelay(counts.consecutiveFailures, backoff, random);
    else if (opts.pollSeconds > 0) delay = opts.pollSeconds * 1000;
    if (delay === null) return;
    timer = scheduler.setTimeout(() => {
      timer = null;
      void trigger(failed ? 'retry' : 'poll');
    }, delay);
  }

  function begin(reason: string): Promise<RefreshResult | null> {
    clearTimer(); // a refresh now makes the pending poll pointless
    const run: Promise<RefreshResult | null> = attempt(reason).then((result) => {
      if (running === run) running = null;
      scheduleNext(result === null);
      return result;
    });
    running = run;
    return run;
  }

  function trigger(reason: string): Promise<RefreshResult | null> {
    if (stopped) return Promise.resolve(null);
    // Checked before `running`: between a run settling and its follow-up starting, `running` is
    // already null, and a new run then would overlap the follow-up.
    if (followUp) {
      counts.coalesced += 1;
      return followUp;
    }
    if (!running) return begin(reason);
    const next: Promise<RefreshResult | null> = running.then(() => {
      followUp = null;
      return stopped ? null : begin(reason);
    });
    followUp = next;
    return next;
  }

  /** Webhooks: at most one refresh per window; inside it, every delivery shares the one at its end. */
  function triggerWebhook(reason: string): Promise<RefreshResult | null> {
    if (stopped) return Promise.resolve(null);
    if (windowed) {
      counts.webhookCoalesced += 1;
      return windowed.promise;
    }
    const wait = lastWebhookAt + webhookWindowMs - now();
    if (wait <= 0) {
      lastWebhookAt = now();
      return trigger(reason);
    }
    let settle: (result: RefreshResult | null) => void = () => undefined;
    const promise = new Promise<RefreshResult | null>((resolve) => (settle = resolve));
    const handle = scheduler.setTimeout(() => {
      windowed = null;
      lastWebhookAt = now();
      void trigger(reason).then(settle);
    }, wait);
    windowed = { promise, handle, cancel: () => settle(null) };
    return promise;
  }

  function request(reason: string): Promise<RefreshResult | null> {
    return webhookWindowMs > 0 && reason.startsWith(WEBHOOK_REASON) ? triggerWebhook(reason) : trigger(reason);
  }

  return {
    trigger: request,
    start(startOpts) {
      stopped = false;
      polling = true;
      if (startOpts?.immediate) {
        void trigger('startup');
      } else if (!running && !followUp && opts.pollSeconds > 0) {
        clearTimer();
        timer = scheduler.setTimeout(() => {
          timer = null;
          void trigger('poll');
        }, opts.pollSeconds * 1000);
      }
    },
    async stop() {
      polling = false;
      stopped = true;
      clearTimer();
      if (windowed) {
        scheduler.clearTimeout(windowed.handle);
        windowed.cancel();
        windowed = null;
      }
      await followUp;
      await running;
    },
    stats(): RefresherStats {
      return { ...counts, inFlight: running !== null || followUp !== null || windowed !== null, lastError, lastErrorCode };
    },
    onRefresh(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
