// Public API of the watch layer: the server composes these; nothing else here is for import.
export { createRefresher } from './refresher';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff';
export type {
  BackoffOptions,
  RefreshEvent,
  Refresher,
  RefresherOptions,
  RefresherStats,
  Scheduler,
  WatchLogger,
} from './types';
