// Public shapes of the watcher: what the server composes and what metrics listen to.
import type { RefreshResult } from '../index';

/** The subset of a pino logger we use, so tests and the server can pass either. */
export interface WatchLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Timers as an argument, so polling and backoff are testable without waiting. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export interface RefresherOptions {
  /** Seconds between polls; 0 disables polling (webhooks and explicit triggers still refresh). */
  pollSeconds: number;
  /** Retry delays after failures; defaults to 5 s doubling up to 5 min. */
  backoff?: BackoffOptions;
  log?: WatchLogger;
  /** Milliseconds clock for durations. Defaults to performance.now. */
  now?: () => number;
  scheduler?: Scheduler;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /**
   * At most one webhook-triggered fetch (reason `webhook:…`) starts per this many seconds; the
   * triggers inside a window share one refresh at its end, so the last push is always seen.
   * Default 5; 0 turns the window off (single flight still coalesces).
   */
  webhookWindowSeconds?: number;
}

/** One finished refresh attempt, for metrics and logs. */
export interface RefreshEvent {
  reason: string;
  ok: boolean;
  durationSeconds: number;
  result: RefreshResult | null;
  /** The failure's message (already credential-free: the git layer redacts). */
  error: string | null;
}

export interface RefresherStats {
  /** Refresh attempts started (successful or not). */
  refreshes: number;
  failures: number;
  /** Triggers that joined an already scheduled follow-up instead of causing a refresh. */
  coalesced: number;
  /** Webhook triggers that joined the refresh already waiting for the end of the webhook window. */
  webhookCoalesced: number;
  /** Failures since the last success; drives the backoff. */
  consecutiveFailures: number;
  inFlight: boolean;
  lastError: string | null;
  /** The last failure's error code (GIT_FAILED, ENOSPC, …), null when it had none or after a success. */
  lastErrorCode: string | null;
}

export interface Refresher {
  /**
   * Ask for a refresh. Single-flight: while one runs, every trigger shares exactly one follow-up
   * refresh that starts when it ends, so the newest push is always seen. Never rejects: resolves
   * with the result, or null when the refresh failed (the indexer keeps serving its last view).
   */
  trigger(reason: string): Promise<RefreshResult | null>;
  /** Begin polling every `pollSeconds`; `immediate` also refreshes right away (initial index). */
  start(opts?: { immediate?: boolean }): void;
  /** Stop polling and refuse new triggers; resolves when the refresh in flight has settled. */
  stop(): Promise<void>;
  stats(): RefresherStats;
  /** Called after every attempt. Returns an unsubscribe function. */
  onRefresh(listener: (event: RefreshEvent) => void): () => void;
}
