// Parsed pages, cached by (page path, blob id) and persisted, so a blob is parsed once for good:
// a restart loads the stored result, a new commit parses only the blobs it introduced.
//
// Why the path is part of the key: the parser derives the slug, department, role ids, kind
// (`_index.md`) and fallback title from the path, so one blob at two paths is two different
// families. A pure rename therefore costs one parse of that one page.
//
// Layout: one file per entry, content-addressed and sharded, `<dir>/<version>/ab/cdef….json`.
// Each file starts with a checksummed header (checksummedFile.ts); a file whose
// header, length, checksum or identity does not match is treated as absent (deleted and parsed
// again), never served. Files are written to a temp name, fsynced, then renamed, so a crash leaves
// either the old state or a complete entry. Entries are loaded only when a build asks for them.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { readChecksummed, writeChecksummed } from './checksummedFile';
import { parseFamily } from '../parse/parseFamily';
import { Interner } from './intern';
import type { JobFamily } from '../parse/types';

/**
 * Bump when the parser's output changes shape or meaning: entries of another version are never
 * read (they live in another folder and their key differs).
 */
export const PARSER_VERSION = 'parser-1';

/** Blobs per `readBlobs` call: large enough to keep cat-file busy, small enough to bound memory. */
const READ_BATCH = 200;
/** Concurrent file reads/writes: enough to hide disk latency without exhausting descriptors. */
const IO_CONCURRENCY = 16;

export type ParseFn = (path: string, text: Buffer, opts: { contentDir?: string }) => JobFamily;
export type ReadBlobs = (ids: string[]) => Promise<Map<string, Buffer | null>>;

export interface PageRef {
  path: string;
  blob: string;
}

export interface BlobCacheOptions {
  /** Folder for the persisted entries (e.g. `<cacheDir>/parsed`); null keeps everything in memory. */
  dir: string | null;
  contentDir?: string;
  parse?: ParseFn;
  version?: string;
  log?: (event: Record<string, unknown>) => void;
}

export interface BlobCacheStats {
  /** Entries held in memory. */
  entries: number;
  /** Pages parsed by this process. */
  parsed: number;
  /** Entries read back from disk. */
  loaded: number;
  /** Entries on disk found damaged (and parsed again). */
  corrupt: number;
  /** Blobs the source could not return. */
  missing: number;
}

export class BlobCache {
  private readonly memory = new Map<string, JobFamily>();
  /** Versions of a page share what they have in common (see intern.ts): memory follows distinct content. */
  private readonly shared = new Interner();
  private readonly counters = { parsed: 0, loaded: 0, corrupt: 0, missing: 0 };
  private readonly parse: ParseFn;
  private readonly version: string;
  private readonly versionDir: string | null;

  constructor(private readonly opts: BlobCacheOptions) {
    this.parse = opts.parse ?? ((p, text, o) => parseFamily(p, text, o));
    this.version = opts.version ?? PARSER_VERSION;
    this.versionDir = opts.dir ? path.join(opts.dir, safeDirName(`${this.version}-${opts.contentDir ?? ''}`)) : null;
  }

  /** The parsed page, when it is in memory (after `ensure`). */
  get(pagePath: string, blob: string): JobFamily | undefined {
    return this.memory.get(memoryKey(pagePath, blob));
  }

  stats(): BlobCacheStats {
    return { entries: this.memory.size, ...this.counters };
  }

  /**
   * Makes every page available to `get`: from memory, else from disk, else by reading the blob
   * (in batches) and parsing it. `onProgress` sees the parse stage only (loading is fast).
   */
  async ensure(pages: Iterable<PageRef>, read: ReadBlobs, onProgress?: (done: number, total: number) => void): Promise<void> {
    const wanted = new Map<string, PageRef>();
    for (const page of pages) {
      const key = memoryKey(page.path, page.blob);
      if (!this.memory.has(key) && !wanted.has(key)) wanted.set(key, page);
    }
    if (wanted.size === 0) return;
    const toParse: PageRef[] = [];
    await eachLimited([...wanted.values()], IO_CONCURRENCY, async (page) => {
      const family = await this.load(page);
      if (family) this.memory.set(memoryKey(page.path, page.blob), this.shared.intern(family));
      else toParse.push(page);
    });
    toParse.sort((a, b) => (a.blob < b.blob ? -1 : a.blob > b.blob ? 1 : 0));
    let done = 0;
    onProgress?.(0, toParse.length);
    for (let i = 0; i < toParse.length; i += READ_BATCH) {
      const batch = toParse.slice(i, i + READ_BATCH);
      const texts = await read([...new Set(batch.map((p) => p.blob))]);
      const writes: Array<{ page: PageRef; body: string }> = [];
      for (const page of batch) {
        const text = texts.get(page.blob);
        if (!text) {
          this.counters.missing += 1;
          this.opts.log?.({ event: 'blob-missing', blob: page.blob, path: page.path });
          continue;
        }
        const parsed = this.parse(page.path, text, { contentDir: this.opts.contentDir });
        this.counters.parsed += 1;
        // Serve exactly what a restart will load back (JSON drops e.g. YAML Date objects to strings).
        const body = JSON.stringify({ path: page.path, blob: page.blob, family: parsed });
        this.memory.set(memoryKey(page.path, page.blob), this.shared.intern((JSON.parse(body) as StoredEntry).family));
        writes.push({ page, body });
      }
      await eachLimited(writes, IO_CONCURRENCY, ({ page, body }) => this.store(page, body));
      done += batch.length;
      onProgress?.(done, toParse.length);
    }
  }

  /** Where an entry lives on disk, or null for a memory-only cache. */
  entryPath(page: PageRef): string | null {
    if (!this.versionDir) return null;
    const key = createHash('sha256')
      .update(`${this.version}\0${this.opts.contentDir ?? ''}\0${page.path}\0${page.blob}`)
      .digest('hex');
    return path.join(this.versionDir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  private async load(page: PageRef): Promise<JobFamily | null> {
    const file = this.entryPath(page);
    if (!file) return null;
    const { body, present } = await readChecksummed(file);
    if (!present) return null; // the common case on a cold cache
    const family = decodeEntry(body, page);
    if (family) {
      this.counters.loaded += 1;
      return family;
    }
    this.counters.corrupt += 1;
    this.opts.log?.({ event: 'parsed-cache-corrupt', path: page.path, blob: page.blob });
    await fsp.rm(file, { force: true }).catch(() => undefined);
    return null;
  }

  private async store(page: PageRef, body: string): Promise<void> {
    const file = this.entryPath(page);
    if (!file) return;
    try {
      await writeChecksummed(file, body);
    } catch (err) {
      // A full disk must not fail the index: the page is in memory and is parsed again next start.
      this.opts.log?.({ event: 'parsed-cache-write-failed', path: page.path, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

interface StoredEntry {
  path: string;
  blob: string;
  family: JobFamily;
}

function memoryKey(pagePath: string, blob: string): string {
  return `${blob}\0${pagePath}`;
}

/** A folder name from a version string: readable prefix plus a short hash so any string is safe. */
function safeDirName(version: string): string {
  const readable = version.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40);
  return `${readable}-${createHash('sha256').update(version).digest('hex').slice(0, 8)}`;
}

/** The stored family, or null when the entry is damaged or belongs to another page. */
export function decodeEntry(body: string | null, page: PageRef): JobFamily | null {
  if (body === null) return null;
  try {
    const entry = JSON.parse(body) as StoredEntry;
    if (entry.path !== page.path || entry.blob !== page.blob || typeof entry.family !== 'object' || !entry.family) return null;
    return entry.family;
  } catch {
    return null;
  }
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
