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

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export class Interner {
  /** Distinct string or structure key → id; `values[id]` is the shared value. */
  private readonly strings = new Map<string, number>();
  private readonly structures = new Map<string, number>();
  private readonly values: unknown[] = [];

  /** A deep-equal value made of shared parts (the same object for equal inputs). */
  intern<T>(value: T): T {
    return this.values[this.idOf(value as Json)] as T;
  }

  /** Distinct strings and structures held. */
  get size(): number {
    return this.values.length;
  }

  private idOf(value: Json): number {
    if (typeof value === 'string') return this.stringId(value);
    if (value === null || typeof value !== 'object') return this.structureId(`${typeof value}:${String(value)}`, () => value);
    if (Array.isArray(value)) {
      const ids = value.map((item) => this.idOf(item));
      return this.structureId(`a${ids.join(',')}`, () => Object.freeze(ids.map((id) => this.values[id])));
    }
    const names = Object.keys(value);
    const ids = names.map((name) => this.idOf(value[name]));
    const key = `o${names.map((name, i) => `${this.stringId(name)}:${ids[i]}`).join(',')}`;
    return this.structureId(key, () => {
      const out: Record<string, unknown> = {};
      names.forEach((name, i) => (out[name] = this.values[ids[i]]));
      return Object.freeze(out);
    });
  }

  private stringId(value: string): number {
    let id = this.strings.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.strings.set(value, id);
    }
    return id;
  }

  /** `make` builds the shared value on first sight, from parts already shared. */
  private structureId(key: string, make: () => unknown): number {
    let id = this.structures.get(key);
    if (id === undefined) {
      id = this.values.push(make()) - 1;
      this.structures.set(key, id);
    }
    return id;
  }
}
