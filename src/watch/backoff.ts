// Exponential backoff with jitter, as a pure function of the attempt number.
import type { BackoffOptions } from './types';

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 5_000, maxMs: 300_000 };

/**
 * Delay before retry number `failures` (1 = after the first failure): initialMs doubling per
 * failure, capped at maxMs, then "equal jitter" — half fixed, half random — so many instances that
 * lost the same remote do not retry in lockstep, yet no retry comes sooner than half the step.
 */
export function backoffDelay(failures: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const step = Math.min(opts.maxMs, opts.initialMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
