// Index progress for logs: the indexer reports every parsed page; a log line per page would drown
// the log of a 20k-commit handbook. One line when a stage starts or ends, at most one a second between.
import type { IndexProgress } from '../index';

export function throttledProgress(
  emit: (progress: IndexProgress) => void,
  intervalMs = 1000,
  now: () => number = Date.now,
): (progress: IndexProgress) => void {
  let stage: string | null = null;
  let last = -Infinity;
  return (progress) => {
    const t = now();
    const boundary = progress.stage !== stage || progress.done === 0 || progress.done >= progress.total;
    if (!boundary && t - last < intervalMs) return;
    stage = progress.stage;
    last = t;
    emit(progress);
  };
}
