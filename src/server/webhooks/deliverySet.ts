// Remembers recent delivery ids so a forge's retry of the same delivery triggers nothing new.
// Bounded: the oldest ids fall out, so memory stays flat however many deliveries arrive.

export interface DeliverySet {
  /** Records `id`; true when it was already among the remembered ids. */
  checkAndAdd(id: string): boolean;
  readonly size: number;
}

export function createDeliverySet(capacity: number): DeliverySet {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  // A Map iterates in insertion order; re-inserting a seen id makes it the newest (LRU order).
  const ids = new Map<string, true>();
  return {
    checkAndAdd(id) {
      const seen = ids.delete(id);
      ids.set(id, true);
      if (ids.size > capacity) {
        const oldest = ids.keys().next().value as string;
        ids.delete(oldest);
      }
      return seen;
    },
    get size() {
      return ids.size;
    },
  };
}
