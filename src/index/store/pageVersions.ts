// Values per page version, keyed by path and then blob. The parse cache once keyed one map by
// `${blob}\0${path}`: every lookup concatenated a new string that V8 then flattened and hashed, which
// cost a cold 20k build ~180 ms of profile in its role chains alone (and every snapshot 1,500 such
// lookups). Paths and blobs are strings the timeline already holds, whose hashes V8 keeps.

export class PageVersions<V> {
  private readonly byPath = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(pagePath: string, blob: string): V | undefined {
    return this.byPath.get(pagePath)?.get(blob);
  }

  has(pagePath: string, blob: string): boolean {
    return this.byPath.get(pagePath)?.has(blob) ?? false;
  }

  set(pagePath: string, blob: string, value: V): void {
    let blobs = this.byPath.get(pagePath);
    if (!blobs) this.byPath.set(pagePath, (blobs = new Map()));
    if (!blobs.has(blob)) this.count += 1;
    blobs.set(blob, value);
  }

  /** Every version: a path's versions together, in the order they were first set. */
  *entries(): IterableIterator<[path: string, blob: string, value: V]> {
    for (const [pagePath, blobs] of this.byPath) {
      for (const [blob, value] of blobs) yield [pagePath, blob, value];
    }
  }
}
