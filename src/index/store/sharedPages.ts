// The blob cache's side of the shared parse tier (sharedParseTier.ts): builds the keys, checks what
// comes back, and keeps a failing tier from costing more than one short timeout. A tier that
// rejects is skipped (its pages are parsed locally) for SKIP_AFTER_FAILURE_MS, logged once at
// `warn` per outage, and counted (`failures`, the /metrics counter), so Redis being down or slow
// never fails or stalls indexing; the first call after the pause tries again, so a tier that
// returns is used again without a restart.
import type { JobFamily } from '../../parse';
import type { PageRef } from './blobCache';
import type { SharedParseTier } from './sharedParseTier';

/** How long a failed tier is left alone: long enough that an outage costs one timeout per index, not one per batch. */
export const SKIP_AFTER_FAILURE_MS = 30_000;

/** A page to share: its stored JSON body (the same text a pack record holds). */
export interface SharedEntry {
  page: PageRef;
  body: string;
}

/** A page found in the tier, its body checked and decoded. */
export interface SharedHit extends SharedEntry {
  family: JobFamily;
}

export interface SharedPagesStats {
  /** Pages taken from the shared tier instead of parsed. */
  shared: number;
  /** Calls to the tier that failed or timed out (each skipped, the pages parsed locally). */
  failures: number;
}

export class SharedPages {
  private readonly counters: SharedPagesStats = { shared: 0, failures: 0 };
  /** While set, the tier is not asked (a failure was seen at that time). */
  private failedAt: number | null = null;
  /** The last fetch asked: the next waits for it, so a failure is seen before the tier is asked again. */
  private lastFetch: Promise<unknown> = Promise.resolve();
  /** Writes started and not yet settled; `flush` waits for them. */
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly tier: SharedParseTier,
    /** Parser version and content folder (the pack folder's name): a parser bump never reads an old entry. */
    private readonly namespace: string,
    private readonly log: (event: Record<string, unknown>) => void,
    private readonly now: () => number = Date.now,
  ) {}

  stats(): SharedPagesStats {
    return { ...this.counters };
  }

  /** The pages of `pages` the tier holds, each checked against its key; empty when the tier is skipped or fails. */
  fetch(pages: readonly PageRef[]): Promise<SharedHit[]> {
    // Batches are read ahead (blobCache.ts), so several asks may start together: one at a time, in
    // order, so a Redis that is down costs one timeout and one warning, not one per batch in flight.
    const asked = this.lastFetch.then(() => this.fetchNow(pages));
    this.lastFetch = asked;
    return asked;
  }

  private async fetchNow(pages: readonly PageRef[]): Promise<SharedHit[]> {
    if (pages.length === 0 || this.skipping()) return [];
    let values: Map<string, Buffer>;
    try {
      values = await this.tier.getMany(pages.map((p) => this.key(p)));
    } catch (err) {
      this.failed('get', err);
      return [];
    }
    this.failedAt = null;
    const hits: SharedHit[] = [];
    for (const page of pages) {
      const value = values.get(this.key(page));
      if (!value) continue;
      const body = value.toString('utf8');
      const family = familyOf(body, page);
      if (family) hits.push({ page, body, family });
    }
    this.counters.shared += hits.length;
    return hits;
  }

  /** Starts storing freshly parsed pages; never waits, never throws (`flush` waits). */
  put(entries: readonly SharedEntry[]): void {
    if (entries.length === 0 || this.skipping()) return;
    const write = this.tier
      .setMany(entries.map(({ page, body }) => [this.key(page), Buffer.from(body, 'utf8')] as const))
      .catch((err: unknown) => this.failed('set', err))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  /** Waits for the writes started so far (each bounded by the tier's timeout). */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  private key(page: PageRef): string {
    return `${this.namespace}:${page.blob}:${page.path}`;
  }

  private skipping(): boolean {
    return this.failedAt !== null && this.now() - this.failedAt < SKIP_AFTER_FAILURE_MS;
  }

  private failed(op: 'get' | 'set', err: unknown): void {
    this.counters.failures += 1;
    // One warning per outage: the first failure after the tier last worked (or was last retried).
    if (!this.skipping()) this.log({ event: 'shared-parse-cache-failed', level: 'warn', op, error: err instanceof Error ? err.message : String(err), skipForMs: SKIP_AFTER_FAILURE_MS });
    this.failedAt = this.now();
  }
}

/** The family a stored body holds for `page`; null for a damaged or foreign value (a miss, never a wrong page). */
function familyOf(body: string, page: PageRef): JobFamily | null {
  try {
    const entry = JSON.parse(body) as { path?: unknown; blob?: unknown; family?: unknown };
    const ok = entry.path === page.path && entry.blob === page.blob && typeof entry.family === 'object' && entry.family !== null;
    return ok ? (entry.family as JobFamily) : null;
  } catch {
    return null;
  }
}
