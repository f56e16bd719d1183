// Remembers recent delivery ids so a forge's retry of the same delivery triggers nothing new.
// Bounded: the least recently seen ids fall out, so memory stays flat however many deliveries arrive.
import { LRUCache } from 'lru-cache';

export interface DeliverySet {
  /** Records `id`; true when it was already among the remembered ids. */
  checkAndAdd(id: string): boolean;
  readonly size: number;
}

export function createDeliverySet(capacity: number): DeliverySet {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  const ids = new LRUCache<string, true>({ max: capacity });
  return {
    checkAndAdd(id) {
      // `has` leaves the order alone; `set` then makes the id the most recently seen.
      const seen = ids.has(id);
      ids.set(id, true);
      return seen;
    },
    get size() {
      return ids.size;
    },
  };
}
