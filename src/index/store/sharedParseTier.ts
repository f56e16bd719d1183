// The second tier of the parse cache: parsed pages shared between replicas (issue 14), so a replica
// that joins with an empty cache folder reads what another replica parsed instead of parsing it.
// The local packs stay the first tier. The index layer only names this narrow, batched interface;
// src/cluster implements it over Redis and server/compose.ts injects it when Redis is configured.
//
// Keys and values are opaque to the tier: the blob cache builds the keys (parser version, content
// folder, blob id and path, so a parser bump never reads an old entry) and checks every value it
// gets back, so a tier holding garbage costs a parse, never a wrong page.

export interface SharedParseTier {
  /**
   * The values held for `keys` (a key the tier lacks is absent from the map), in one round trip or
   * a few — never one per key. Settles within the tier's own short timeout; a rejection means
   * "unavailable" and the caller parses locally.
   */
  getMany(keys: readonly string[]): Promise<Map<string, Buffer>>;
  /** Stores every entry, best effort, in one round trip or a few; same timeout and failure rule. */
  setMany(entries: ReadonlyArray<readonly [key: string, value: Buffer]>): Promise<void>;
}
