// The blob cache's deduplicated values, persisted per cache folder so a warm restart does not
// re-share every page version: at 20,000 commits the packs hold 38,000 full families (458 MB of
// JSON) whose hash-consing was 51% of a restart, while the distinct values are a fraction of that.
// The table holds the HashCons values in id order (each structure as the ids of its parts, so
// one pass rebuilds them bottom-up), each entry's root id, and how far into each pack it reaches:
// records past those offsets (appended later, by any process) are still read from the packs,
// which stay the source of truth. Written checksummed to a temp name, fsynced and renamed; a
// damaged or foreign table is never served (the caller reads the packs in full instead).
import { readChecksummed, writeChecksummedParts } from './checksummedFile';
import { HashCons } from './hashCons';
import type { JobFamily } from '../../parse';

const FORMAT = 'rg-values-1';
export const TABLE_FILE = 'values.rgt';

export interface TableEntry {
  path: string;
  blob: string;
  family: JobFamily;
}

export interface ValueTable {
  hashCons: HashCons;
  entries: TableEntry[];
  /** Pack name → offset up to which every record's entry is in `entries`. */
  packs: Map<string, number>;
}

interface StoredTable {
  format: string;
  packs: Array<[string, number]>;
  entries: Array<[string, string, number]>;
  values: unknown[];
}

/** The table, `null` when absent, or `'damaged'` (checksum, shape or ids wrong). */
export async function readValueTable(file: string): Promise<ValueTable | null | 'damaged'> {
  const { body, present } = await readChecksummed(file);
  if (!present) return null;
  if (body === null) return 'damaged';
  try {
    const stored = JSON.parse(body) as StoredTable;
    if (stored.format !== FORMAT || !Array.isArray(stored.values) || !Array.isArray(stored.entries) || !Array.isArray(stored.packs)) return 'damaged';
    const hashCons = HashCons.decode(stored.values);
    const entries = stored.entries.map(([p, blob, id]): TableEntry => {
      const family = typeof id === 'number' ? hashCons.valueAt(id) : undefined;
      if (typeof p !== 'string' || typeof blob !== 'string' || typeof family !== 'object' || family === null || Array.isArray(family)) {
        throw new Error('bad value table: entry');
      }
      return { path: p, blob, family: family as JobFamily };
    });
    const packs = new Map<string, number>();
    for (const [name, end] of stored.packs) {
      if (typeof name !== 'string' || !Number.isSafeInteger(end) || end < 0) throw new Error('bad value table: pack');
      packs.set(name, end);
    }
    return { hashCons, entries, packs };
  } catch {
    return 'damaged';
  }
}

/**
 * Values (and entry rows) per part written: bounds what encoding the table holds at once. Small
 * enough (~45 KB of JSON at 20k commits) that a part's strings stay under V8's large-object size
 * (128 KB) and die young: 8,192 values made ~720 KB parts, each string allocated straight into old
 * space, so ~40 MB of them waited for a full collection at the cold build's peak (bench/ANALYSIS.md).
 */
const PART_VALUES = 512;

/**
 * Persists `entries` (each family must have come from `hashCons`) and the pack offsets they cover.
 * Written in parts as it is encoded (values first, so the entry rows can name their root ids): a
 * 20k-commit table is never held whole as encoded arrays, one JSON string and its bytes at once.
 */
export async function writeValueTable(
  file: string,
  hashCons: HashCons,
  entries: Iterable<TableEntry>,
  packs: ReadonlyMap<string, number>,
): Promise<void> {
  const encoder = hashCons.encoder();
  function* parts(): Iterable<string> {
    yield `{"format":${JSON.stringify(FORMAT)},"packs":${JSON.stringify([...packs])},"values":[`;
    let first = true;
    for (const chunk of encoder.chunks(PART_VALUES)) {
      const json = JSON.stringify(chunk);
      yield `${first ? '' : ','}${json.slice(1, -1)}`;
      first = false;
    }
    yield '],"entries":[';
    let rows: Array<[string, string, number]> = [];
    first = true;
    const flush = (): string => {
      const json = JSON.stringify(rows);
      const out = rows.length === 0 ? '' : `${first ? '' : ','}${json.slice(1, -1)}`;
      if (rows.length > 0) first = false;
      rows = [];
      return out;
    };
    for (const entry of entries) {
      const id = encoder.ids.get(entry.family);
      if (id !== undefined) rows.push([entry.path, entry.blob, id]);
      if (rows.length >= PART_VALUES) yield flush();
    }
    yield `${flush()}]}`;
  }
  await writeChecksummedParts(file, parts());
}
