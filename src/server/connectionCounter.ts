// Open connections counted in all and per remote address, so one client (or a few) cannot hold
// every socket the process can keep. Plain counting: the caller admits on open, releases on close.
export interface ConnectionCounter {
  /** Counts a new connection from `address` unless a cap is reached; false = refuse it. */
  admit(address: string): boolean;
  /** Forgets one connection from `address` (call once per admitted connection). */
  release(address: string): void;
  readonly total: number;
}

export function createConnectionCounter(caps: { maxTotal: number; maxPerAddress: number }): ConnectionCounter {
  const perAddress = new Map<string, number>();
  let total = 0;
  return {
    admit(address) {
      const own = perAddress.get(address) ?? 0;
      if (total >= caps.maxTotal || own >= caps.maxPerAddress) return false;
      perAddress.set(address, own + 1);
      total += 1;
      return true;
    },
    release(address) {
      const own = perAddress.get(address) ?? 0;
      if (own === 0) return;
      // Addresses with no open connection are dropped, so the map is bounded by open connections.
      if (own === 1) perAddress.delete(address);
      else perAddress.set(address, own - 1);
      total -= 1;
    },
    get total() {
      return total;
    },
  };
}
