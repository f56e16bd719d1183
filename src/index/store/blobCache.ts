// Parsed pages, cached by (page path, blob id) and persisted, so a blob is parsed once for good:
// a restart loads the stored result, a new commit parses only the blobs it introduced.
//
// Why the path is part of the key: the parser derives the slug, department, role ids, kind
// (`_index.md`) and fallback title from the path, so one blob at two paths is two different
// families. A pure rename therefore costs one parse of that one page.
//
// Layout: append-only pack files of checksummed records (parsePack.ts), `<dir>/<version>/pack-N.rg`.
// Each process appends the pages it parses to a pack of its own, one batch at a time (written and
// fsynced), so a crash mid-index keeps every batch before it. The first `ensure` reads every pack
// sequentially, once. A record whose checksum fails, or a torn tail, is never served: its page is
// parsed again, and the damaged pack is rewritten without it (valid records to a new pack, then the
// old one removed). Old packs are never written to, so a failing write leaves them intact.
import { createHash } from 'node:crypto';
import fs, { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { listPacks, packName, packSequence, PackWriter, scanPack, encodeRecord, encodeRecordParts } from './parsePack';
import { parseFamily, unreadableFamily } from '../../parse';
import { HashCons } from './hashCons';
import { defaultPoolSize, ParsePool, yieldToEvents, type ParseOutcome } from './parsePool';
import { createFamilyJsonWriter, familyShell, familyTextParts } from './familyJson';
import { readValueTable, TABLE_FILE, writeValueTable, type TableEntry } from './valueTable';
import { SharedPages, type SharedEntry, type SharedHit } from './sharedPages';
import { PageVersions } from './pageVersions';
import { parseOrder, sliceAtPaths } from './parseOrder';
import type { SharedParseTier } from './sharedParseTier';
import type { JobFamily } from '../../parse';

/**
 * Bump when the parser's output changes shape or meaning: entries of another version are never
 * read (they live in another folder and their key differs).
 */
export const PARSER_VERSION = 'parser-2';

/**
 * Blobs per `readBlobs` call: large enough to keep cat-file busy, small enough to bound memory.
 * Once git read in the history's order (parseOrder.ts) 100 kept the 20k build as fast as 200 did,
 * at a lower peak RSS (bench/ANALYSIS.md, issue 15 target 1).
 */
const READ_BATCH = 100;
/**
 * Fewer pages than this parse on this thread: each worker loads the parser and warms its JIT
 * afresh. Measured on an idle 2-core machine (1 worker + this thread): 400 pages 337 ms pooled
 * against 278 ms here, 1,600 pages 866 against 827 ms; a cold build's intern and write work on
 * this thread tips it over past that (see bench/ANALYSIS.md).
 */
const POOL_MIN_PAGES = 1000;
/**
 * Each parse worker's heap, by default. A worker holds one chunk of pages and the parser; without a
 * limit V8 sizes its heap from the machine's memory, so nothing bounded what a worker could take
 * beside the main thread's peak. A page that does not fit is parsed on this thread instead
 * (parsePool.ts, `local`). V8 flags given to the process (`--max-old-space-size`,
 * `--max-semi-space-size`, as the Docker image sets) would take precedence over these for every
 * isolate, so the pool clears them before it makes a worker (parsePool.ts, letWorkerLimitsApply):
 * under the image's flags a worker ended a cold 20k build at ~78 MB (55 used), against ~65 MB
 * (34 used) under these limits. The young generation is 16 MB, not 8: at 8 the worker spent 13-14%
 * of a 5k build collecting garbage (7% under the image's 32), and alternated 20k builds took 3 s
 * longer at 16's peak RSS (bench/ANALYSIS.md, issue 15 targets 1 and 6).
 */
const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };
/**
 * Pages taken (interned, encoded) between two turns of the event loop while a pool parses: as in
 * ParsePool.helpOne, this thread drains git's pipe only between its tasks, and a whole batch at
 * once (~15 ms) kept git waiting. Yielding in both: alternated 20k builds 24.1-24.7 s against
 * 26.8 s, the main thread waiting 1.8 s on reads instead of 6 (bench/ANALYSIS.md).
 */
const TAKE_SLICE = 20;
/** Packs beyond this are merged into one at load, so restarts do not read ever more files. */
const MAX_PACKS = 16;
/** The value table is rewritten once the entries it lacks reach this fraction of all entries. */
const TABLE_STALE_FRACTION = 16;

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
  /** Told of every failed write (pack, table, rewrite): the cache keeps serving from memory. */
  onWriteFailed?: (err: unknown) => void;
  /** The parse pool (parsePool.ts): false parses on this thread only; otherwise its settings. */
  pool?: false | ParsePoolSettings;
  /** Second tier, shared between replicas: asked before parsing, told of every page parsed. */
  sharedTier?: SharedParseTier;
  /** Page versions per window of the read order (parseOrder.ts; default PARSE_WINDOW_PAGES). */
  parseWindowPages?: number;
}

export interface ParsePoolSettings {
  /** Start workers only for at least this many pages to parse (default POOL_MIN_PAGES). */
  minPages?: number;
  /** Workers (default: one less than the cores, at least one). */
  size?: number;
  /** Each worker's heap (default WORKER_LIMITS). */
  resourceLimits?: ResourceLimits;
  /**
   * False keeps every page in the workers; by default this thread parses queued chunks while it
   * would wait, and any page that killed a worker (one too large for the workers' heap limit).
   */
  local?: false;
}

/** A page of a batch after reading and parsing: its family as JSON text, or why there is none. */
type Parsed = { page: PageRef } & ({ missing: true } | { shared: SharedHit } | ParseOutcome);

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
  /** Pages taken from the shared tier instead of parsed (then kept in this process's pack too). */
  shared: number;
  /** Calls to the shared tier that failed or timed out; their pages were parsed here. */
  sharedFailures: number;
}

export class BlobCache {
  private readonly memory = new PageVersions<JobFamily>();
  /** Versions held in memory but never persisted (a page no worker could parse): the next start retries them. */
  private readonly transient = new PageVersions<true>();
  /** Versions of a page share what they have in common (see hashCons.ts): memory follows distinct content. */
  private shared = new HashCons();
  /**
   * Pack name → offset up to which every record's entry is in memory (read here, or written here):
   * what a value table written now covers, so the next load reads only past these offsets.
   */
  private readonly covered = new Map<string, number>();
  /** Entries in memory that the last value table read or written does not hold. */
  private uncovered = 0;
  /** Set once a pack write failed: a table then would hold entries no pack has, so none is written. */
  private storeFailed = false;
  private readonly counters = { parsed: 0, loaded: 0, corrupt: 0, missing: 0 };
  private readonly parse: ParseFn;
  private readonly version: string;
  private readonly versionDir: string | null;
  /** Reading the packs on disk: once per process, shared by concurrent `ensure` calls. */
  private loading: Promise<void> | null = null;
  /** Sequence number of the next pack this process creates. */
  private nextSequence = 1;
  private writer: PackWriter | null = null;
  /** Appends one after another (two `ensure` calls may parse at once). */
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly sharedPages: SharedPages | null;

  constructor(private readonly opts: BlobCacheOptions) {
    this.parse = opts.parse ?? ((p, text, o) => parseFamily(p, text, o));
    this.version = opts.version ?? PARSER_VERSION;
    // The folder name carries the parser version and content folder; shared keys carry the same.
    const namespace = safeDirName(`${this.version}-${opts.contentDir ?? ''}`);
    this.versionDir = opts.dir ? path.join(opts.dir, namespace) : null;
    this.sharedPages = opts.sharedTier ? new SharedPages(opts.sharedTier, namespace, opts.log ?? (() => undefined)) : null;
  }

  /** The parsed page, when it is in memory (after `ensure`). */
  get(pagePath: string, blob: string): JobFamily | undefined {
    return this.memory.get(pagePath, blob);
  }

  stats(): BlobCacheStats {
    const shared = this.sharedPages?.stats() ?? { shared: 0, failures: 0 };
    return { entries: this.memory.size, ...this.counters, shared: shared.shared, sharedFailures: shared.failures };
  }

  /** Folder of this version's packs, or null for a memory-only cache. */
  packDir(): string | null {
    return this.versionDir;
  }

  /** Where the next pack this process writes will go (after the packs on disk were read). */
  async nextPackPath(): Promise<string | null> {
    await this.loadPacks();
    return this.versionDir ? path.join(this.versionDir, packName(this.nextSequence)) : null;
  }

  /**
   * Makes every page available to `get`: from memory (the packs on disk are read by the first
   * call), else from the shared tier, else by reading the blob (in batches) and parsing it (and
   * offering the result to the shared tier). `onProgress` sees the parse stage. Each parsed page is
   * appended to this process's pack; the value table waits for `persist`.
   */
  async ensure(pages: Iterable<PageRef>, read: ReadBlobs, onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.loadPacks();
    const wanted = new Map<string, PageRef>();
    for (const page of pages) {
      const key = memoryKey(page.path, page.blob);
      if (!this.memory.has(page.path, page.blob) && !wanted.has(key)) wanted.set(key, page);
    }
    if (wanted.size === 0) return;
    // Grouped by path within windows of the history (the order asked, the timeline's): the parser
    // reuses the sections a page's previous version already had (src/parse/sectionMemo.ts), and git
    // reads fastest in the history's order (parseOrder.ts).
    const toParse = parseOrder([...wanted.values()], this.opts.parseWindowPages);
    // Cut between pages, not within a page's run of versions: each chunk of a batch then holds whole
    // runs too (parsePool.ts), and the thread that parses one has the memos of the version before.
    const batches = sliceAtPaths(toParse, READ_BATCH);
    // Started at the first page that must be parsed here: a replica that joins through the shared
    // tier may parse none, and then starts no worker.
    let pool: ParsePool | null | undefined;
    const usePool = (): ParsePool | null => (pool === undefined ? (pool = this.poolFor(toParse.length)) : pool);
    const pooling = this.wouldPool(toParse.length);
    // A batch ahead of the one being stored: its blobs are read (and, with a pool, parsed) while this
    // thread interns and writes the current one, so neither git nor the workers wait on it. Two ahead
    // paid while git read slowly (path order across the whole history); in history windows one is as
    // fast, at a 20k peak ~15 MB lower (371-384 against 384-403 MB, alternated; bench/ANALYSIS.md).
    const lookahead = 1;
    const ahead: Array<Promise<Parsed[]>> = [];
    let next = 0;
    const fill = (): void => {
      while (ahead.length <= lookahead && next < batches.length) ahead.push(this.readAndParse(batches[next++], read, usePool));
    };
    let done = 0;
    onProgress?.(0, toParse.length);
    try {
      fill();
      while (ahead.length > 0) {
        const next = ahead.shift()!;
        if (pool) await helpUntil(next, pool);
        const parsed = await next;
        fill();
        const records: Buffer[] = [];
        const parsedHere: SharedEntry[] = [];
        for (let i = 0; i < parsed.length; i += TAKE_SLICE) {
          this.take(parsed.slice(i, i + TAKE_SLICE), records, parsedHere);
          if (pool) await yieldToEvents();
        }
        this.sharedPages?.put(parsedHere);
        this.uncovered += records.length;
        await this.store(records);
        done += parsed.length;
        onProgress?.(done, toParse.length);
      }
    } finally {
      // A failed read must not leave batches running behind it, nor workers alive.
      await Promise.allSettled(ahead);
      await pool?.close();
    }
    // A load this size is a build: nothing is shared again until a refresh parses a page, and the
    // structure keys would otherwise stay in the served index's heap all the while (hashCons.ts).
    if (pooling) this.shared.releaseKeys();
    // A replica indexing next may already be asking for these pages; each write is bounded by the tier's timeout.
    await this.sharedPages?.flush();
  }

  /** A pool for this many pages, or null: small loads (a refresh, a short history) parse here. */
  private poolFor(pages: number): ParsePool | null {
    if (!this.wouldPool(pages)) return null;
    const pool = this.opts.pool || undefined;
    const contentDir = this.opts.contentDir;
    const familyJson = createFamilyJsonWriter();
    return new ParsePool({
      size: pool?.size ?? defaultPoolSize(),
      contentDir,
      resourceLimits: pool?.resourceLimits ?? WORKER_LIMITS,
      local: pool?.local === false ? undefined : (page) => familyJson(this.parse(page.path, page.text, { contentDir })),
    });
  }

  private wouldPool(pages: number): boolean {
    const pool = this.opts.pool;
    if (pool === false || this.opts.parse) return false; // a custom parse function cannot cross to a worker
    return pages >= (pool?.minPages ?? POOL_MIN_PAGES);
  }

  /** Reads a batch's blobs and parses them (in the pool, or here): each page's family as JSON text. */
  private async readAndParse(pages: readonly PageRef[], read: ReadBlobs, usePool: () => ParsePool | null): Promise<Parsed[]> {
    // The shared tier first (fetch never rejects): what another replica parsed is neither read nor parsed here.
    const hits = this.sharedPages ? await this.sharedPages.fetch(pages) : [];
    const fromShared = new Set(hits.map((hit) => hit.page));
    const batch = fromShared.size === 0 ? pages : pages.filter((page) => !fromShared.has(page));
    const shared = hits.map((hit): Parsed => ({ page: hit.page, shared: hit }));
    if (batch.length === 0) return shared;
    const texts = await read([...new Set(batch.map((p) => p.blob))]);
    const found = batch.flatMap((page) => {
      const text = texts.get(page.blob);
      return text ? [{ page, text }] : [];
    });
    const missing = batch.filter((page) => !texts.get(page.blob)).map((page): Parsed => ({ page, missing: true }));
    const pool = found.length > 0 ? usePool() : null;
    if (pool) {
      const outcomes = await pool.parse(found.map(({ page, text }) => ({ path: page.path, text })));
      return [...shared, ...missing, ...found.map(({ page }, i): Parsed => ({ page, ...outcomes[i] }))];
    }
    const contentDir = this.opts.contentDir;
    const familyJson = createFamilyJsonWriter();
    return [...shared, ...missing, ...found.map(({ page, text }): Parsed => ({ page, json: familyJson(this.parse(page.path, text, { contentDir })) }))];
  }

  /**
   * Holds parsed pages in memory (shared with what is already held), adding their pack records to
   * `records` and what this process parsed to `parsedHere` (for the shared tier). The family is
   * served exactly as a restart will load it back: from its JSON text (JSON drops e.g. YAML Date
   * objects to strings). A page no worker could parse is held with a warning and not written, so
   * the next start parses it again.
   */
  private take(parsed: readonly Parsed[], records: Buffer[], parsedHere: SharedEntry[]): void {
    for (const item of parsed) {
      const { page } = item;
      if ('shared' in item) {
        this.memory.set(page.path, page.blob, this.shared.share(item.shared.family));
        if (this.versionDir) records.push(encodeRecord(item.shared.body)); // the first tier keeps it for the next start
        continue;
      }
      if ('missing' in item) {
        this.counters.missing += 1;
        this.opts.log?.({ event: 'blob-missing', blob: page.blob, path: page.path });
        continue;
      }
      this.counters.parsed += 1;
      if ('error' in item) {
        this.opts.log?.({ event: 'parse-worker-failed', level: 'warn', blob: page.blob, path: page.path, error: item.error });
        const family = unreadableFamily(page.path, `the parser failed on this page: ${item.error}`, { contentDir: this.opts.contentDir });
        this.memory.set(page.path, page.blob, this.shared.share(JSON.parse(JSON.stringify(family)) as JobFamily));
        this.transient.set(page.path, page.blob, true);
        continue;
      }
      // Each role's text apart: a role the last version of the page had verbatim is one lookup.
      const family = this.shared.shareListed(familyShell(item.json), 'roles', item.json.roles, item.json.roleKeys) as unknown as JobFamily;
      this.memory.set(page.path, page.blob, family);
      const parts = [`{"path":${JSON.stringify(page.path)},"blob":${JSON.stringify(page.blob)},"family":`, ...familyTextParts(item.json), '}'];
      if (this.versionDir) records.push(encodeRecordParts(parts));
      if (this.sharedPages) parsedHere.push({ page, body: parts.join('') });
    }
  }

  /**
   * Writes the value table when the packs hold many entries it lacks: after a build, a refresh that
   * parsed much, or a load that found no usable table. A one-commit refresh leaves its few records
   * to the packs until enough gather, since a table write costs about as much as encoding the whole
   * index. Not part of `ensure`: the table serves only the next start, so the indexer writes it
   * after the view it loaded for is served (0.7-0.8 s at 20k commits).
   */
  async persist(): Promise<void> {
    if (this.uncovered > 0 && this.uncovered >= this.memory.size / TABLE_STALE_FRACTION) await this.storeTable();
  }

  /** Stops appending (closes this process's pack). Entries in memory stay readable. */
  async close(): Promise<void> {
    if (!this.closed && this.uncovered > 0) await this.storeTable();
    this.closed = true;
    await this.writing;
    await this.writer?.close();
    this.writer = null;
  }

  private loadPacks(): Promise<void> {
    this.loading ??= this.readPacks();
    return this.loading;
  }

  private async readPacks(): Promise<void> {
    const dir = this.versionDir;
    if (!dir) return;
    await this.readTable(dir);
    // Names the table mentions are never reused: its offsets would be read against another pack.
    for (const name of this.covered.keys()) this.nextSequence = Math.max(this.nextSequence, (packSequence(name) ?? 0) + 1);
    const packs = await listPacks(dir);
    const damaged: string[] = [];
    for (const { name, sequence } of packs) {
      this.nextSequence = Math.max(this.nextSequence, sequence + 1);
      const file = path.join(dir, name);
      let bad = 0;
      try {
        let from = this.covered.get(name) ?? 0;
        if (from > 0 && (await fsp.stat(file)).size < from) from = 0; // not the pack the table saw
        const scan = await scanPack(file, (body) => {
          const entry = decodeEntry(body.toString('utf8'));
          if (!entry) {
            bad += 1;
            return;
          }
          if (this.memory.has(entry.path, entry.blob)) return; // also in an older pack
          this.memory.set(entry.path, entry.blob, this.shared.share(entry.family));
          this.counters.loaded += 1;
          this.uncovered += 1;
        }, from);
        this.covered.set(name, scan.end);
        bad += scan.damaged;
      } catch (err) {
        this.opts.log?.({ event: 'parsed-cache-read-failed', pack: name, error: err instanceof Error ? err.message : String(err) });
        continue;
      }
      if (bad > 0) {
        this.counters.corrupt += bad;
        this.opts.log?.({ event: 'parsed-cache-corrupt', pack: name, damaged: bad });
        damaged.push(name);
      }
    }
    // Damaged packs are rewritten so the damage is reported once; many packs are merged so a
    // restart keeps reading a few files. Either way the valid records go to a new pack first.
    const rewrite = packs.length > MAX_PACKS ? packs.map((p) => p.name) : damaged;
    if (rewrite.length > 0) await this.rewrite(dir, rewrite);
  }

  /**
   * Copies the valid records of `names` into one new pack (temp name, fsync, rename), then removes
   * them. Streams: a record is written as it is read, so a merge never holds a whole pack. Best effort.
   */
  private async rewrite(dir: string, names: readonly string[]): Promise<void> {
    const target = path.join(dir, packName(this.nextSequence++));
    const temp = `${target}.${process.pid}.tmp`;
    let fd: number | null = null;
    try {
      fd = fs.openSync(temp, 'wx', 0o644);
      const out = fd;
      let written = 0;
      for (const name of names) {
        await scanPack(path.join(dir, name), (body, raw) => {
          if (decodeEntry(body.toString('utf8'))) written += fs.writeSync(out, raw);
        });
      }
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = null;
      await fsp.rename(temp, target);
      // Every valid record copied is in memory (read at load, or held by the table).
      for (const name of names) this.covered.delete(name);
      this.covered.set(path.basename(target), written);
      for (const name of names) await fsp.rm(path.join(dir, name), { force: true });
    } catch (err) {
      if (fd !== null) fs.closeSync(fd);
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      this.writeFailed(err);
    }
  }

  /** A write failed (full disk, read-only folder): worth an operator's attention, never an index failure. */
  private writeFailed(err: unknown): void {
    this.opts.log?.({ event: 'parsed-cache-write-failed', level: 'warn', error: err instanceof Error ? err.message : String(err) });
    this.opts.onWriteFailed?.(err);
  }

  /**
   * Serves the entries of the value table (valueTable.ts) without reading their records, and
   * starts the hashCons from its values. A damaged table is logged and ignored: the packs hold
   * everything it did, so the load reads them in full (and the next build writes a new table).
   */
  private async readTable(dir: string): Promise<void> {
    const table = await readValueTable(path.join(dir, TABLE_FILE));
    if (table === null) return;
    if (table === 'damaged') {
      this.counters.corrupt += 1;
      this.opts.log?.({ event: 'parsed-cache-table-corrupt' });
      return;
    }
    this.shared = table.hashCons;
    for (const entry of table.entries) this.memory.set(entry.path, entry.blob, entry.family);
    for (const [name, end] of table.packs) this.covered.set(name, end);
    this.counters.loaded += this.memory.size;
  }

  /** Writes the value table after the appends before it; a failure is logged, never thrown. */
  private storeTable(): Promise<void> {
    if (!this.versionDir || this.closed || this.storeFailed) return Promise.resolve();
    const file = path.join(this.versionDir, TABLE_FILE);
    this.writing = this.writing.then(async () => {
      try {
        const held = this.memory.size;
        await writeValueTable(file, this.shared, tableEntries(this.memory, this.transient), this.covered);
        this.uncovered = Math.max(0, this.memory.size - held);
      } catch (err) {
        this.writeFailed(err);
      }
    });
    return this.writing;
  }

  /** Appends a batch to this process's pack; a failure is logged, never thrown. */
  private store(records: Buffer[]): Promise<void> {
    if (records.length === 0 || !this.versionDir || this.closed) return Promise.resolve();
    const dir = this.versionDir;
    this.writing = this.writing.then(async () => {
      try {
        if (!this.writer) {
          await fsp.mkdir(dir, { recursive: true });
          this.writer = await PackWriter.create(path.join(dir, packName(this.nextSequence++)));
        }
        await this.writer.append(records);
        this.covered.set(path.basename(this.writer.file), this.writer.size);
      } catch (err) {
        // A full disk must not fail the index: the pages are in memory and are parsed again next
        // start. The writer cut its partial write; a pack left empty is removed. The next batch
        // starts a new pack rather than append after a failed write.
        const writer = this.writer;
        this.writer = null;
        await writer?.close();
        if (writer && writer.size === 0) await fsp.rm(writer.file, { force: true }).catch(() => undefined);
        this.storeFailed = true;
        this.writeFailed(err);
      }
    });
    return this.writing;
  }
}

/**
 * While `batch` is not ready, this thread parses chunks no worker has taken yet, yielding between
 * chunks so worker answers and git reads are taken in: it helps instead of idling.
 */
async function helpUntil(batch: Promise<unknown>, pool: ParsePool): Promise<void> {
  let ready = false;
  void batch.then(
    () => (ready = true),
    () => (ready = true),
  );
  await yieldToEvents();
  while (!ready && (await pool.helpOne())) await yieldToEvents();
}

/** A pack record holds the same (path, blob, family) triple the value table lists. */
export type StoredEntry = TableEntry;

/** Names a page version in `ensure`'s list of pages to load. */
function memoryKey(pagePath: string, blob: string): string {
  return `${blob}\0${pagePath}`;
}

function* tableEntries(memory: PageVersions<JobFamily>, transient: PageVersions<true>): Iterable<TableEntry> {
  for (const [pagePath, blob, family] of memory.entries()) {
    if (!transient.has(pagePath, blob)) yield { blob, path: pagePath, family };
  }
}

/** A folder name from a version string: readable prefix plus a short hash so any string is safe. */
function safeDirName(version: string): string {
  const readable = version.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40);
  return `${readable}-${createHash('sha256').update(version).digest('hex').slice(0, 8)}`;
}

/** A stored entry, or null when the record does not hold one (wrong shape). */
export function decodeEntry(body: string): StoredEntry | null {
  try {
    const entry = JSON.parse(body) as StoredEntry;
    if (typeof entry.path !== 'string' || typeof entry.blob !== 'string' || typeof entry.family !== 'object' || !entry.family) return null;
    return entry;
  } catch {
    return null;
  }
}
