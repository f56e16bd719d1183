// HashCons's index of arrays and objects by their parts' ids (hashCons.ts), without a key string per
// node. A cold build keys every node of every role it has not seen verbatim; building a text key per
// node ("a12,7" / "o3:12,4:7") and hashing it in a Map was ~3 s of the 20k build's main thread
// (bench/ANALYSIS.md, wt/intern). Here a node is a hash of its id list plus that list copied into one
// Int32Array, so a lookup allocates nothing and a hit is confirmed by comparing the ids themselves:
// a hash collision costs one more comparison, never a wrong answer.

/** An array node: its item ids. An object node: its field name ids and value ids, in field order. */
export const ARRAY_NODE = 0;
export const OBJECT_NODE = 1;

/** A growable Int32Array: the table's columns (typed, so millions of entries are not millions of heap numbers). */
class Column {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

export class StructureTable {
  /** Every node's ids back to back: `[tag, count, ...]`, then `count` value ids (and, for objects, `count` name ids first). */
  private readonly arena = new Column();
  /** Per node (entry): where its ids start in `arena`, its value id, the next entry with the same hash (or -1). */
  private readonly at = new Column();
  private readonly ids = new Column();
  private readonly next = new Column();
  /** Per entry: its node's hash (a bucket holds several hashes; a resize places each entry again). */
  private readonly hashes = new Column();
  /**
   * Bucket (the hash's low bits) → its newest entry, or -1; doubled once entries outnumber buckets.
   * A Map of hash → entry was 7 MB at a cold 20k build's peak, and every doubling of it left the old
   * table in large-object space until a full collection (bench/ANALYSIS.md, issue 15 target 6).
   */
  private buckets = new Int32Array(1024).fill(-1);

  /**
   * The id held for the node of this `tag` with these parts (`names` for objects, null for arrays), or
   * the one `make` returns, then held. Ids are the caller's; a node already held keeps its first id.
   */
  idFor(tag: number, values: readonly number[], names: readonly number[] | null, make: () => number): number {
    const hash = hashOf(tag, values, names);
    for (let entry = this.buckets[hash & (this.buckets.length - 1)]; entry >= 0; entry = this.next.data[entry]) {
      if (this.hashes.data[entry] === hash && this.matches(this.at.data[entry], tag, values, names)) return this.ids.data[entry];
    }
    const id = make();
    this.add(hash, tag, values, names, id);
    return id;
  }

  /** Holds a node under `id` unless an equal one is held already (a decoded table's first id wins). */
  addIfAbsent(tag: number, values: readonly number[], names: readonly number[] | null, id: number): void {
    this.idFor(tag, values, names, () => id);
  }

  private add(hash: number, tag: number, values: readonly number[], names: readonly number[] | null, id: number): void {
    const entry = this.ids.length;
    const bucket = hash & (this.buckets.length - 1);
    this.at.push(this.arena.length);
    this.ids.push(id);
    this.hashes.push(hash);
    this.next.push(this.buckets[bucket]);
    this.buckets[bucket] = entry;
    if (this.ids.length > this.buckets.length) this.doubleBuckets();
    const arena = this.arena;
    arena.push(tag);
    arena.push(values.length);
    if (names) for (let i = 0; i < names.length; i++) arena.push(names[i]);
    for (let i = 0; i < values.length; i++) arena.push(values[i]);
  }

  /** Twice the buckets, every entry placed again (a chain's order does not matter: its nodes all differ). */
  private doubleBuckets(): void {
    const buckets = new Int32Array(this.buckets.length * 2).fill(-1);
    const mask = buckets.length - 1;
    const hashes = this.hashes.data;
    const next = this.next.data;
    for (let entry = 0; entry < this.ids.length; entry++) {
      const bucket = hashes[entry] & mask;
      next[entry] = buckets[bucket];
      buckets[bucket] = entry;
    }
    this.buckets = buckets;
  }

  private matches(from: number, tag: number, values: readonly number[], names: readonly number[] | null): boolean {
    const data = this.arena.data;
    if (data[from] !== tag || data[from + 1] !== values.length) return false;
    let at = from + 2;
    if (names) for (let i = 0; i < names.length; i++) if (data[at++] !== names[i]) return false;
    for (let i = 0; i < values.length; i++) if (data[at++] !== values[i]) return false;
    return true;
  }
}

/** A 30-bit hash of the node (murmur3's mixing), small enough to stay an unboxed Map key. */
export function hashOf(tag: number, values: readonly number[], names: readonly number[] | null): number {
  let h = mix(0x9747b28c ^ tag, values.length);
  if (names) for (let i = 0; i < names.length; i++) h = mix(h, names[i]);
  for (let i = 0; i < values.length; i++) h = mix(h, values[i]);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0x3fffffff;
}

function mix(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
