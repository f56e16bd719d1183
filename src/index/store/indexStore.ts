// The index layer's one door to its cache folder: parsed pages (the blob cache, persisted as packs
// and a value table), the stored timeline (a base file and its journal) and the role chains. The indexer and the
// views ask this; nothing else in src/index reads or writes cache files, and only this reads page
// blobs from git. Persisting is an optimisation: a failed write is logged, never thrown, and the
// next start reads from git what the files lack.
import path from 'node:path';
import type { GitSource, TimelineStep } from '../../git';
import type { JobFamily } from '../../parse';
import type { ContentScope } from '../contentScope';
import { entriesOfBestRoot } from '../contentRoots';
import { HistoryEncodeError, type HistoryText } from '../historyCodec';
import { BlobCache, PARSER_VERSION, type BlobCacheOptions, type BlobCacheStats, type PageRef } from './blobCache';
import { loadStoredHistory, saveStoredHistory, type LoadedHistory } from './historyStore';
import type { SharedParseTier } from './sharedParseTier';
import { appendTimeline, confirmTimeline, loadStoredTimeline, saveTimeline, type LoadedTimeline } from './timelineStore';

/** What the store reads from git: page blobs, and the tree of a commit off the timeline. */
export type StoreSource = Pick<GitSource, 'readBlobs' | 'tree'>;

/** One parsed page version, as snapshots take it. */
export interface StoredPage extends PageRef {
  family: JobFamily;
}

/** The parsed pages of one content folder (the folder shapes slugs, so it is part of every key). */
export interface PageStore {
  readonly contentDir: string;
  /** The parsed page, when loaded (by `load`, `pagesAt`, or from disk by an earlier call). */
  get(pagePath: string, blob: string): JobFamily | undefined;
  /** Makes every page available to `get`: from memory or disk, else read from git and parsed. */
  load(pages: Iterable<PageRef>, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Every page in a commit's tree, parsed: how a snapshot of a commit off the timeline is loaded. */
  pagesAt(commit: string): Promise<StoredPage[]>;
}

export interface IndexStore {
  /** The pages of a content scope (one folder, or every job-families folder followed); asking for another closes the previous one's pack. */
  pages(scope: ContentScope): PageStore;
  /** The folder last asked for by `pages`, or null. */
  contentDir(): string | null;
  /** The stored timeline of this folder, whatever its head; null when absent, damaged or of another folder. */
  loadTimeline(contentDir: string): Promise<LoadedTimeline | null>;
  /** Stores the whole timeline (ending at its last step) as a new base. */
  saveTimeline(contentDir: string, steps: readonly TimelineStep[]): Promise<void>;
  /** Stores the steps after `from`, when the stored timeline reaches exactly `from` (else nothing). */
  appendTimeline(contentDir: string, from: string, steps: readonly TimelineStep[]): Promise<void>;
  /** Records that the stored timeline was just confirmed current with the remote (its `confirmedAt`). */
  confirmTimeline(): Promise<void>;
  /** The stored role chains of this folder and parser version (historyStore.ts), absent, or why not usable. */
  loadHistory(contentDir: string): Promise<LoadedHistory>;
  /**
   * Stores the role chains (replacing the last ones), encoding them as they are written; false when
   * that failed (logged, never thrown; a failed write is counted, an encoder that gave up is not).
   */
  saveHistory(contentDir: string, history: HistoryText): Promise<boolean>;
  /**
   * Writes the current folder's value table when its packs have outgrown it (blobCache.ts
   * `persist`): what the next start reads instead of every pack. Never throws.
   */
  persistPages(): Promise<void>;
  /** Counters of the parse cache of the current folder. */
  stats(): BlobCacheStats;
  /** Failed cache writes (parse cache and timeline) since the start, and the last one's reason. */
  writeHealth(): CacheWriteHealth;
  close(): Promise<void>;
}

export interface CacheWriteHealth {
  writeFailures: number;
  lastWriteError: string | null;
}

export interface IndexStoreOptions {
  /** Parsed pages go to `<cacheDir>/parsed`, the timeline to `<cacheDir>/index`. */
  cacheDir: string;
  source: StoreSource;
  log?: (event: Record<string, unknown>) => void;
  /** The parse pool's settings (blobCache.ts); false parses on the main thread only. */
  parsePool?: BlobCacheOptions['pool'];
  /** Second tier of the parse cache, shared between replicas (the cache folder's packs stay the first). */
  sharedTier?: SharedParseTier;
}

const NO_STATS: BlobCacheStats = { entries: 0, parsed: 0, loaded: 0, corrupt: 0, missing: 0, shared: 0, sharedFailures: 0 };

export function createIndexStore(opts: IndexStoreOptions): IndexStore {
  const log = opts.log ?? (() => undefined);
  let current: { contentDir: string; blobs: BlobCache; pages: PageStore } | null = null;
  /** What the files in `<cacheDir>/index` hold: the base file's head and the head they reach. */
  let persisted: { base: string; head: string } | null = null;

  const health: CacheWriteHealth = { writeFailures: 0, lastWriteError: null };
  const writeFailed = (err: unknown): void => {
    health.writeFailures += 1;
    health.lastWriteError = err instanceof Error ? err.message : String(err);
  };
  const logError = (event: string, err: unknown): void => {
    writeFailed(err);
    log({ event, level: 'warn', error: err instanceof Error ? err.message : String(err) });
  };
  const readBlobs = (ids: string[]) => opts.source.readBlobs(ids);

  const pageStore = (scope: ContentScope, blobs: BlobCache): PageStore => ({
    contentDir: scope.dir,
    get: (pagePath, blob) => blobs.get(pagePath, blob),
    load: (pages, onProgress) => blobs.ensure(pages, readBlobs, onProgress),
    async pagesAt(commit) {
      const listed = await opts.source.tree(commit, scope.dir);
      // Followed folders: the commit's pages are those of its folder with the most pages, as on the timeline.
      const entries = (scope.followRoots ? entriesOfBestRoot(listed, scope.isPage) : listed).filter((e) => scope.isPage(e.path));
      await blobs.ensure(entries, readBlobs);
      const pages: StoredPage[] = [];
      for (const { path: pagePath, blob } of entries) {
        const family = blobs.get(pagePath, blob);
        if (family) pages.push({ path: pagePath, blob, family });
      }
      return pages;
    },
  });

  return {
    pages(scope) {
      if (current?.contentDir !== scope.dir) {
        void current?.blobs.close(); // stops appending to the old folder's pack; never throws
        const blobs = new BlobCache({ dir: path.join(opts.cacheDir, 'parsed'), contentDir: scope.parseDir, log, onWriteFailed: writeFailed, pool: opts.parsePool, sharedTier: opts.sharedTier });
        current = { contentDir: scope.dir, blobs, pages: pageStore(scope, blobs) };
      }
      return current.pages;
    },
    contentDir: () => current?.contentDir ?? null,
    async loadTimeline(contentDir) {
      const stored = await loadStoredTimeline(opts.cacheDir, contentDir).catch(() => null);
      if (stored) persisted = { base: stored.steps[stored.steps.length - stored.journalSteps - 1].commit.sha, head: stored.head };
      return stored;
    },
    async saveTimeline(contentDir, steps) {
      const head = steps[steps.length - 1].commit.sha;
      try {
        await saveTimeline(opts.cacheDir, contentDir, head, steps);
        persisted = { base: head, head };
      } catch (err) {
        persisted = null;
        logError('timeline-save-failed', err);
      }
    },
    async appendTimeline(contentDir, from, steps) {
      if (!persisted || persisted.head !== from || steps.length === 0) return;
      try {
        await appendTimeline(opts.cacheDir, contentDir, persisted.base, from, steps);
        persisted = { base: persisted.base, head: steps[steps.length - 1].commit.sha };
      } catch (err) {
        persisted = null; // the journal may hold a torn line now; the next start reads past it from git
        logError('timeline-save-failed', err);
      }
    },
    confirmTimeline: () => confirmTimeline(opts.cacheDir),
    loadHistory: (contentDir) => loadStoredHistory(opts.cacheDir, contentDir, PARSER_VERSION).catch((err: unknown) => ({ rejected: err instanceof Error ? err.message : String(err) })),
    async saveHistory(contentDir, history) {
      try {
        await saveStoredHistory(opts.cacheDir, contentDir, PARSER_VERSION, history);
        return true;
      } catch (err) {
        if (err instanceof HistoryEncodeError) log({ event: 'history-save-skipped', level: 'warn', error: err.message });
        else logError('history-save-failed', err);
        return false;
      }
    },
    persistPages: async () => current?.blobs.persist(),
    stats: () => current?.blobs.stats() ?? NO_STATS,
    writeHealth: () => ({ ...health }),
    async close() {
      await current?.blobs.close();
    },
  };
}
