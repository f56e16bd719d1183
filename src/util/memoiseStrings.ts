// A pure function of a string, remembered for the strings it was last asked about. For hot,
// repetitive inputs (a scalar serialised for the same values request after request). Inputs that
// are not strings, and calls that throw, are passed through and never remembered.
import { LRUCache } from 'lru-cache';

export function memoiseStrings<R extends NonNullable<unknown>>(fn: (value: unknown) => R, maxEntries: number): (value: unknown) => R {
  const known = new LRUCache<string, R>({ max: maxEntries });
  return (value) => {
    if (typeof value !== 'string') return fn(value);
    let answer = known.get(value);
    if (answer === undefined) {
      answer = fn(value);
      known.set(value, answer);
    }
    return answer;
  };
}
