// The blob cache's deduplicated values, persisted per cache folder so a warm restart does not
// re-share every page version: at 20,000 commits the packs hold 38,000 full families (458 MB of
// JSON) whose hash-consing was 51% of a restart, while the distinct values are a fraction of that.
// The table holds the HashCons values in id order (flat lists, each structure as the ids of its
// parts, so one pass rebuilds them bottom-up: hashCons.ts FlatValues), each entry's root id, and
// how far into each pack it reaches, all in ASCII text:
// records past those offsets (appended later, by any process) are still read from the packs,
// which stay the source of truth. Written checksummed to a temp name, fsynced and renamed; a
// damaged or foreign table is never served (the caller reads the packs in full instead).
import { readChecksummed, writeChecksummedParts } from './checksummedFile';
import { HashCons, type FlatValues } from './hashCons';
import type { JobFamily } from '../../parse';

const FORMAT = 'rg-values-2';
/** Tables of earlier formats: read as absent (the packs are read instead, and a new table written), not as damage. */
const EARLIER_FORMATS = new Set(['rg-values-1']);
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

interface StoredTable extends FlatValues {
  format: string;
  packs: Array<[string, number]>;
  /** (path, blob, root id) of each entry, one after another. */
  entries: Array<string | number>;
}

/** The table, `null` when absent (or of an earlier format), or `'damaged'` (checksum, shape or ids wrong). */
export async function readValueTable(file: string): Promise<ValueTable | null | 'damaged'> {
  const { body, present } = await readChecksummed(file);
  if (!present) return null;
  if (body === null) return 'damaged';
  try {
    const stored = JSON.parse(body) as StoredTable;
    if (EARLIER_FORMATS.has(stored.format)) return null;
    if (stored.format !== FORMAT || !Array.isArray(stored.entries) || stored.entries.length % 3 !== 0 || !Array.isArray(stored.packs)) return 'damaged';
    const hashCons = HashCons.decode(stored);
    const rows = stored.entries;
    const entries: TableEntry[] = [];
    for (let i = 0; i < rows.length; i += 3) {
      const [p, blob, id] = [rows[i], rows[i + 1], rows[i + 2]];
      const family = typeof id === 'number' ? hashCons.valueAt(id) : undefined;
      if (typeof p !== 'string' || typeof blob !== 'string' || typeof family !== 'object' || family === null || Array.isArray(family)) {
        throw new Error('bad value table: entry');
      }
      entries.push({ path: p, blob, family: family as JobFamily });
    }
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
 * enough (~45 KB of JSON at 20k commits of the bench's English text) that a part's strings stay
 * under V8's large-object size (128 KB) and die young: 8,192 values made ~720 KB parts, each string
 * allocated straight into old space, so ~40 MB of them waited for a full collection at the cold
 * build's peak (bench/ANALYSIS.md). Text past ASCII is written as \u escapes, two to three times its
 * UTF-8 bytes, so a part of such text is larger.
 */
const PART_VALUES = 512;

/**
 * Persists `entries` (each family must have come from `hashCons`) and the pack offsets they cover.
 * Written in parts as it is encoded (the values' lists first, so the entry rows can name their root ids): a
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
    yield `{"format":${JSON.stringify(FORMAT)},"packs":${asciiJson(JSON.stringify([...packs]))},"strings":[`;
    const strings = listItems();
    for (const chunk of encoder.strings(PART_VALUES)) yield strings(chunk);
    yield `],"primitives":${JSON.stringify(encoder.primitives())},"nodes":[`;
    const nodes = listItems();
    for (const chunk of encoder.nodes(PART_VALUES)) yield nodes(chunk);
    yield '],"entries":[';
    const entryRows = listItems();
    let rows: Array<string | number> = [];
    for (const entry of entries) {
      const id = encoder.ids.get(entry.family);
      if (id !== undefined) rows.push(entry.path, entry.blob, id);
      if (rows.length >= 3 * PART_VALUES) {
        yield entryRows(rows);
        rows = [];
      }
    }
    yield `${entryRows(rows)}]}`;
  }
  await writeChecksummedParts(file, parts());
}

/** One JSON list written in parts: each call gives its items' text, after a comma unless they are the first. */
function listItems(): (items: readonly unknown[]) => string {
  let empty = true;
  return (items) => {
    if (items.length === 0) return '';
    const text = asciiJson(JSON.stringify(items).slice(1, -1));
    const out = empty ? text : `,${text}`;
    empty = false;
    return out;
  };
}

/**
 * JSON text with every character past ASCII written as a `\u` escape: the same value to JSON.parse,
 * but a file of one-byte text. One curly quote anywhere made V8 decode the whole 20 MB table into
 * a two-byte string, at about twice the time, and JSON.parse then scanned twice the bytes.
 */
export function asciiJson(json: string): string {
  return NOT_ASCII.test(json) ? json.replace(NOT_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

const NOT_ASCII = /[^\x00-\x7f]/;
const NOT_ASCII_ALL = /[^\x00-\x7f]/g;
