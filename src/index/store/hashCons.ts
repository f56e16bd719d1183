// Shares equal parts of parsed pages across page versions. Every version of every page stays in
// memory (role histories and snapshots at any commit point into them), and a commit usually edits
// one bullet of one role: without sharing, 20,000 commits hold ~38,000 near-identical copies of
// the same families (~800 MB of heap). Hash-consing — each distinct string, list, bullet, role
// and family kept once, keyed by the ids of its already-shared parts — keeps one copy of what did
// not change, so memory follows the distinct content, not the number of versions.
//
// Input is JSON data (the blob cache stores what JSON.parse returns): strings, numbers, booleans,
// null, arrays and plain objects. Shared values are frozen, since one object now stands for many
// versions: a mutation would change all of them, so it must fail loudly instead.

import { LRUCache } from 'lru-cache';
import { ARRAY_NODE, OBJECT_NODE, StructureTable } from './structureTable';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Characters of part texts remembered by `shareListed` (counted by the texts' lengths, though only
 * their keys are held): a cold build sends a page's versions one after another, so the parts of the
 * last few versions are what the next one repeats.
 */
const TEXT_MEMO_CHARS = 512 * 1024;

/**
 * The shared values in id order, for persisting (see valueTable.ts), as three flat lists: `nodes`
 * holds one code per value — `STRING_NODE` (the next of `strings`), `PRIMITIVE_NODE` (the next of
 * `primitives`), `[ARRAY, count, ...item ids]` or `[OBJECT, count, ...(name id, value id) pairs]`.
 * Children always have smaller ids, so one pass in order rebuilds everything. Flat, a 20k table is
 * three arrays for JSON.parse to make instead of ~245,000 small ones it made and the decoder dropped
 * (a warm 20k start: ~0.3 s less, most of it the young generation copying them).
 */
export interface FlatValues {
  strings: string[];
  primitives: Array<number | boolean | null>;
  nodes: number[];
}

const ARRAY = 0;
const OBJECT = 1;
const PRIMITIVE_NODE = 2;
const STRING_NODE = 3;

export class HashCons {
  /** Distinct string, or array / object by its parts' ids → id; `values[id]` is the shared value. */
  private readonly strings = new Map<string, number>();
  private structures = new StructureTable();
  /** Number, boolean or null → id (a Map keys them by value, no text needed). */
  private readonly primitives = new Map<number | boolean | null, number>();
  private readonly values: unknown[] = [];
  /** Set by `decode` and `releaseKeys`: `structures` is filled on first need (see keysFromValues). */
  private keysPending = false;
  /**
   * Key of a part's JSON text → its id, for `shareListed`: ids never change, so an entry never goes
   * stale. Keyed by the caller's digest, not the text: hashing a long string for a Map lookup was
   * the main thread's cost, and the digest is made on a worker.
   */
  private readonly texts = new LRUCache<string, number>({ maxSize: TEXT_MEMO_CHARS });

  /** A deep-equal value made of shared parts (the same object for equal inputs). */
  share<T>(value: T): T {
    if (this.keysPending) this.keysFromValues();
    return this.values[this.idOf(value as Json)] as T;
  }

  /**
   * `share` of `value` with `value[name]` set to the list the JSON `texts` stand for. A text seen
   * before costs one lookup instead of JSON.parse and re-keying every node under it: the versions
   * of a page repeat most of its parts verbatim. The result is what `share` of the whole gives.
   * `keys[i]` names `texts[i]`: a collision-resistant digest of the whole text (familyJson.ts
   * `roleKey`), since equal keys are taken for equal texts.
   */
  shareListed<T extends object>(value: T, name: string, texts: readonly string[], keys: readonly string[]): T {
    if (texts.length !== keys.length) throw new Error('shareListed: one key per text');
    if (this.keysPending) this.keysFromValues();
    const known = new Map<unknown, number>();
    const list = texts.map((text, i) => {
      const key = keys[i];
      let id = this.texts.get(key);
      if (id === undefined) {
        id = this.idOf(JSON.parse(text) as Json);
        this.texts.set(key, id, { size: Math.max(1, text.length) });
      }
      const part = this.values[id];
      if (part !== null && typeof part === 'object') known.set(part, id);
      return part;
    });
    (value as Record<string, unknown>)[name] = list;
    return this.values[this.idOf(value as Json, known)] as T;
  }

  /** Distinct strings and structures held. */
  get size(): number {
    return this.values.length;
  }

  /**
   * Every value, flat (FlatValues), plus the identity map from shared object to id (for naming
   * entry roots). Strings and primitives are looked up in the tables.
   */
  encode(): { flat: FlatValues; ids: Map<unknown, number> } {
    const encoder = this.encoder();
    const flat: FlatValues = { strings: [], primitives: [], nodes: [] };
    // Item by item: spreading a list of 150,000 or more as arguments overflows the stack.
    for (const chunk of encoder.strings(Number.MAX_SAFE_INTEGER)) for (const value of chunk) flat.strings.push(value);
    for (const value of encoder.primitives()) flat.primitives.push(value);
    for (const chunk of encoder.nodes(Number.MAX_SAFE_INTEGER)) for (const code of chunk) flat.nodes.push(code);
    return { flat, ids: encoder.ids };
  }

  /**
   * `encode` in chunks of about `size` values, for writing the table as it is encoded (never whole
   * in memory). Each list covers the values held when `encoder` was called (later ones belong to
   * the next table); `ids` holds the objects of the node chunks yielded so far.
   */
  encoder(): {
    strings(size: number): Iterable<string[]>;
    primitives(): Array<number | boolean | null>;
    nodes(size: number): Iterable<number[]>;
    ids: Map<unknown, number>;
  } {
    const ids = new Map<unknown, number>();
    const values = this.values;
    const end = values.length;
    const strings = this.strings;
    const primitives = this.primitives;
    const idOf = (v: unknown): number => {
      if (typeof v === 'string') return strings.get(v)!;
      if (v === null || typeof v !== 'object') return primitives.get(v as number | boolean | null)!;
      return ids.get(v)!;
    };
    return {
      *strings(size) {
        let chunk: string[] = [];
        for (let id = 0; id < end; id++) {
          const v = values[id];
          if (typeof v !== 'string') continue;
          chunk.push(v);
          if (chunk.length >= size) {
            yield chunk;
            chunk = [];
          }
        }
        if (chunk.length > 0) yield chunk;
      },
      primitives() {
        const out: Array<number | boolean | null> = [];
        for (let id = 0; id < end; id++) {
          const v = values[id];
          if (v === null || (typeof v !== 'object' && typeof v !== 'string')) out.push(v as number | boolean | null);
        }
        return out;
      },
      *nodes(size) {
        let chunk: number[] = [];
        let count = 0;
        for (let id = 0; id < end; id++) {
          const v = values[id];
          if (typeof v === 'string') chunk.push(STRING_NODE);
          else if (v === null || typeof v !== 'object') chunk.push(PRIMITIVE_NODE);
          else if (Array.isArray(v)) {
            ids.set(v, id);
            chunk.push(ARRAY, v.length);
            for (const item of v) chunk.push(idOf(item));
          } else {
            ids.set(v, id);
            const names = Object.keys(v);
            chunk.push(OBJECT, names.length);
            for (const name of names) chunk.push(strings.get(name)!, idOf((v as Record<string, unknown>)[name]));
          }
          if (++count >= size) {
            yield chunk;
            chunk = [];
            count = 0;
          }
        }
        if (chunk.length > 0) yield chunk;
      },
      ids,
    };
  }

  /**
   * A HashCons holding exactly `flat` (from `encode`), rebuilt in one pass without hashing any
   * page: ids are positions, so later `share` calls share with these values as if interned here.
   * Throws on anything malformed (a child id not before its parent, an unknown code, lists that do
   * not match, a name twice in one object).
   */
  static decode(flat: FlatValues): HashCons {
    const { strings, primitives, nodes } = flat;
    if (!Array.isArray(strings) || !Array.isArray(primitives) || !Array.isArray(nodes)) throw new Error('bad value table: lists');
    const hashCons = new HashCons();
    const values = hashCons.values;
    let nextString = 0;
    let nextPrimitive = 0;
    let at = 0;
    const code = (): number => {
      const n = nodes[at++];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error('bad value table: node');
      return n;
    };
    const child = (): unknown => {
      const id = code();
      if (id >= values.length) throw new Error('bad value table: child id');
      return values[id];
    };
    while (at < nodes.length) {
      const id = values.length;
      const tag = code();
      if (tag === STRING_NODE) {
        const value = strings[nextString++];
        if (typeof value !== 'string') throw new Error('bad value table: string');
        if (hashCons.strings.has(value)) throw new Error('bad value table: repeated string');
        hashCons.strings.set(value, id);
        values.push(value);
      } else if (tag === PRIMITIVE_NODE) {
        if (nextPrimitive >= primitives.length) throw new Error('bad value table: primitive');
        const value = primitives[nextPrimitive++];
        if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') throw new Error('bad value table: primitive');
        if (!hashCons.primitives.has(value)) hashCons.primitives.set(value, id);
        values.push(value);
      } else if (tag === ARRAY) {
        const count = code();
        if (at + count > nodes.length) throw new Error('bad value table: node');
        const items = new Array<unknown>(count);
        for (let i = 0; i < count; i++) items[i] = child();
        values.push(Object.freeze(items));
      } else if (tag === OBJECT) {
        const count = code();
        if (at + 2 * count > nodes.length) throw new Error('bad value table: node');
        const out: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) {
          const name = child();
          // The parser never keeps a `__proto__` key, and assigning one would set the prototype.
          if (typeof name !== 'string' || name === '__proto__' || Object.hasOwn(out, name)) throw new Error('bad value table: key');
          out[name] = child();
        }
        values.push(Object.freeze(out));
      } else {
        throw new Error('bad value table: tag');
      }
    }
    if (nextString !== strings.length || nextPrimitive !== primitives.length) throw new Error('bad value table: lists');
    // The structure keys are what sharing new values needs; a warm start that parses nothing
    // never does, so they are built on first use (keysFromValues) rather than here.
    hashCons.keysPending = true;
    return hashCons;
  }

  /**
   * Lets the structure keys go until sharing needs them again: they are rebuilt from the values on
   * first use (keysFromValues, ~0.4 s at 20k commits), as after a warm start. A build that has
   * shared a whole history shares nothing more until a refresh parses a page, and at 20k the keys
   * are ~26 MB (typed columns and a Map of hash heads) of what the served index holds after a cold
   * build (bench/ANALYSIS.md, issue 15 target 6). Strings and primitives stay keyed: encoding the
   * table needs them.
   */
  releaseKeys(): void {
    this.structures = new StructureTable();
    this.keysPending = true;
  }

  /**
   * The structure table of decoded values, in one pass in id order (children before parents):
   * the same keys `idOf` makes. A structure seen twice keeps its first id (a table never holds one twice).
   */
  private keysFromValues(): void {
    this.keysPending = false;
    const objectIds = new Map<unknown, number>();
    const idOfChild = (v: unknown): number => {
      if (typeof v === 'string') return this.strings.get(v)!;
      if (v === null || typeof v !== 'object') return this.primitives.get(v as number | boolean | null)!;
      return objectIds.get(v)!;
    };
    this.values.forEach((v, id) => {
      if (typeof v === 'string' || v === null || typeof v !== 'object') return; // keyed as they are added
      if (Array.isArray(v)) {
        objectIds.set(v, id);
        this.structures.addIfAbsent(ARRAY_NODE, v.map(idOfChild), null, id);
      } else {
        objectIds.set(v, id);
        const names = Object.keys(v);
        const values = names.map((name) => idOfChild((v as Record<string, unknown>)[name]));
        this.structures.addIfAbsent(OBJECT_NODE, values, names.map((name) => this.strings.get(name)!), id);
      }
    });
  }

  /** The value with this id (after `decode`), or undefined. */
  valueAt(id: number): unknown {
    return this.values[id];
  }

  /**
   * `known`: values already shared here, with their ids (they are taken as they are). A node is
   * looked up by its parts' ids (structureTable.ts), with no key text built: text keys were ~3 s of
   * the cold 20k build's main thread (bench/ANALYSIS.md, wt/intern).
   */
  private idOf(value: Json, known?: ReadonlyMap<unknown, number>): number {
    if (typeof value === 'string') return this.stringId(value);
    if (value === null || typeof value !== 'object') return this.primitiveId(value);
    const held = known?.get(value);
    if (held !== undefined) return held;
    if (Array.isArray(value)) {
      const ids = new Array<number>(value.length);
      for (let i = 0; i < value.length; i++) ids[i] = this.idOf(value[i], known);
      return this.structures.idFor(ARRAY_NODE, ids, null, () => this.values.push(Object.freeze(ids.map((id) => this.values[id]))) - 1);
    }
    const names = Object.keys(value);
    const ids = new Array<number>(names.length);
    for (let i = 0; i < names.length; i++) ids[i] = this.idOf(value[names[i]], known);
    // Names after every value: a new name's id comes after its value's, as it always did (ids are persisted).
    const nameIds = new Array<number>(names.length);
    for (let i = 0; i < names.length; i++) nameIds[i] = this.stringId(names[i]);
    return this.structures.idFor(OBJECT_NODE, ids, nameIds, () => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) out[names[i]] = this.values[ids[i]];
      return this.values.push(Object.freeze(out)) - 1;
    });
  }

  /** A number, boolean or null: keyed by itself (JSON has no NaN, and -0 and 0 were one key as text too). */
  private primitiveId(value: number | boolean | null): number {
    let id = this.primitives.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.primitives.set(value, id);
    }
    return id;
  }

  private stringId(value: string): number {
    let id = this.strings.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.strings.set(value, id);
    }
    return id;
  }
}
