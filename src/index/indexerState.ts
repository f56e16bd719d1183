// The indexer's phases as data: what it is doing, and the view it serves in each. Every reader of
// the state switches over the phase exhaustively, so a new phase cannot be forgotten somewhere.
import type { IndexPhase, IndexProgress } from './types';
import type { BuiltView } from './view';

export type IndexerState =
  /** Nothing served, nothing running yet. */
  | { phase: 'starting' }
  /** A refresh runs; `view` (the last one served, if any) keeps serving until the swap. */
  | { phase: 'refreshing'; view: BuiltView | null; progress: IndexProgress; lastError: string | null; lastRefreshAt: string | null }
  | { phase: 'ready'; view: BuiltView; lastRefreshAt: string }
  /** The last refresh failed; the last good view, when there is one, still serves. */
  | { phase: 'failed'; view: BuiltView | null; error: string; lastRefreshAt: string | null };

export const STARTING: IndexerState = { phase: 'starting' };

export function servedView(state: IndexerState): BuiltView | null {
  switch (state.phase) {
    case 'starting':
      return null;
    case 'refreshing':
    case 'ready':
    case 'failed':
      return state.view;
    default:
      return unreachable(state);
  }
}

/** How far the running refresh is; null when none runs. */
export function progress(state: IndexerState): IndexProgress | null {
  switch (state.phase) {
    case 'starting':
    case 'ready':
    case 'failed':
      return null;
    case 'refreshing':
      return state.progress;
    default:
      return unreachable(state);
  }
}

/** The error of the last refresh, until one succeeds. */
export function lastError(state: IndexerState): string | null {
  switch (state.phase) {
    case 'starting':
    case 'ready':
      return null;
    case 'refreshing':
      return state.lastError;
    case 'failed':
      return state.error;
    default:
      return unreachable(state);
  }
}

/** When the served view was last confirmed current with the remote (ISO-8601). */
export function lastRefreshAt(state: IndexerState): string | null {
  switch (state.phase) {
    case 'starting':
      return null;
    case 'refreshing':
    case 'ready':
    case 'failed':
      return state.lastRefreshAt;
    default:
      return unreachable(state);
  }
}

/**
 * The phase clients see (/readyz, metrics, `repository.status`): the first build shows as
 * `cloning` then `indexing`; a failed refresh is `failed` whether or not a last good view still
 * serves (the schema's promise: FAILED with the last good index kept, see lastError). /readyz
 * tells the two apart (`stale` while serving), from `servedView`.
 */
export function publicPhase(state: IndexerState): IndexPhase {
  switch (state.phase) {
    case 'starting':
    case 'ready':
      return state.phase;
    case 'refreshing': {
      if (state.view) return 'refreshing';
      const { stage, done, total } = state.progress;
      return stage === 'fetch' && done < total ? 'cloning' : 'indexing';
    }
    case 'failed':
      return 'failed';
    default:
      return unreachable(state);
  }
}

/** A refresh begins: the served view, the last error and the last refresh time carry over. */
export function refreshing(from: IndexerState, progress: IndexProgress): IndexerState {
  return { phase: 'refreshing', view: servedView(from), progress, lastError: lastError(from), lastRefreshAt: lastRefreshAt(from) };
}

/** A view was swapped in, or the served one was confirmed current. */
export function ready(view: BuiltView): IndexerState {
  return { phase: 'ready', view, lastRefreshAt: new Date().toISOString() };
}

/**
 * A first refresh could not fetch, and the view of the last indexed head was loaded from the cache
 * folder instead (stale-while-error): it serves at once, aged from when it was last confirmed.
 */
export function servingStored(from: IndexerState, view: BuiltView, confirmedAt: string | null): IndexerState {
  return { phase: 'refreshing', view, progress: progress(from) ?? { stage: 'fetch', done: 1, total: 1 }, lastError: lastError(from), lastRefreshAt: confirmedAt };
}

export function failed(from: IndexerState, error: string): IndexerState {
  return { phase: 'failed', view: servedView(from), error, lastRefreshAt: lastRefreshAt(from) };
}

export function unreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
