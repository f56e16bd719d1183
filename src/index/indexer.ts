// Owns the served IndexView and its phases: fetch, read the timeline, parse only the page versions
// the blob cache lacks, build the next view, swap it in (a plain assignment, so readers calling
// `current()` see the old or the new generation, never a mix), then tell listeners what changed.
// On failure the last good view keeps serving; refreshes run one after another.
import path from 'node:path';
import type { GitSource, TimelineStep } from '../git/types';
import { isFamilyPath, pageSlug } from '../parse/slug';
import { BlobCache, type BlobCacheStats, type PageRef } from './blobCache';
import { diff } from './diff';
import { loadTimeline, saveTimeline } from './timelineStore';
import type { IndexPhase, IndexProgress, IndexStatus, IndexView, Indexer, RefreshResult } from './types';
import { buildIndexView, type BuiltView } from './view';

/** Where the job families live when the repository does not say (and no detector is available). */
export const DEFAULT_CONTENT_DIR = 'content/job-families';

export interface IndexerOptions {
  source: GitSource;
  /** Cache folder; parsed pages go to `<cacheDir>/parsed`, the timeline to `<cacheDir>/index`. */
  cacheDir: string;
  /** Content folder; detected at head through the git layer when absent. */
  contentDir?: string;
  url: string;
  branch: string;
  log?: (event: Record<string, unknown>) => void;
  onProgress?: (progress: IndexProgress) => void;
}

export interface IndexerWithStats extends Indexer {
  /** Counters of the parse cache (parsed by this process, loaded from disk, corrupt entries). */
  blobStats(): BlobCacheStats;
}

export function createIndexer(opts: IndexerOptions): IndexerWithStats {
  const log = opts.log ?? (() => undefined);
  let view: BuiltView | null = null;
  let phase: IndexPhase = 'starting';
  let progress: IndexProgress | null = null;
  let lastError: string | null = null;
  let lastRefreshAt: string | null = null;
  let contentDir = opts.contentDir ?? '';
  let blobs: BlobCache | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const listeners = new Set<(view: IndexView, result: RefreshResult) => void>();

  const report = (stage: string, done: number, total: number): void => {
    progress = { stage, done, total };
    opts.onProgress?.(progress);
  };

  const cacheFor = (dir: string): BlobCache => {
    // One cache per content folder: the folder is part of every key (it shapes slugs).
    if (!blobs || contentDir !== dir) {
      blobs = new BlobCache({ dir: path.join(opts.cacheDir, 'parsed'), contentDir: dir, log });
    }
    return blobs;
  };

  const readTimeline = async (dir: string, head: string): Promise<TimelineStep[]> => {
    const stored = await loadTimeline(opts.cacheDir, dir, head).catch(() => null);
    if (stored) {
      log({ event: 'timeline-from-cache', commits: stored.length });
      return stored;
    }
    const steps = await opts.source.timeline(dir, head);
    // Persisting is an optimisation: a failure costs one `git log` on the next start, nothing more.
    await saveTimeline(opts.cacheDir, dir, head, steps).catch((err: unknown) =>
      log({ event: 'timeline-save-failed', error: err instanceof Error ? err.message : String(err) }),
    );
    return steps;
  };

  const run = async (): Promise<RefreshResult> => {
    if (closed) throw new Error('indexer is closed');
    const previous = view;
    phase = previous ? 'refreshing' : 'cloning';
    const started = Date.now();
    try {
      report('fetch', 0, 1);
      const head = await opts.source.update();
      report('fetch', 1, 1);
      if (!previous) phase = 'indexing';
      const dir = opts.contentDir ?? (await opts.source.detectContentDir?.(head, null)) ?? DEFAULT_CONTENT_DIR;
      if (previous && previous.head.commit.sha === head && dir === contentDir) {
        // Nothing new: the served view is current; no swap, no listeners.
        phase = 'ready';
        progress = null;
        lastError = null;
        lastRefreshAt = new Date().toISOString();
        return { head: previous.head.commit, previousHead: previous.head.commit, changedRoleIds: [] };
      }
      const cache = cacheFor(dir);
      contentDir = dir;
      report('timeline', 0, 1);
      const steps = await readTimeline(dir, head);
      report('timeline', 1, 1);
      const isPage = (p: string): boolean => isFamilyPath(p, dir);
      await cache.ensure(pagesOf(steps, isPage), (ids) => opts.source.readBlobs(ids), (done, total) => report('parse', done, total));
      report('snapshot', 0, 1);
      const next = buildIndexView({
        steps,
        source: opts.source,
        blobs: cache,
        contentDir: dir,
        isPage,
        slugOfPath: (p) => pageSlug(p, dir),
      });
      const result: RefreshResult = {
        head: next.head.commit,
        previousHead: previous?.head.commit ?? null,
        changedRoleIds: previous ? diff(previous.head, next.head).roles.map((r) => r.id) : next.head.roles.map((r) => r.id),
      };
      view = next; // the swap
      phase = 'ready';
      progress = null;
      lastError = null;
      lastRefreshAt = new Date().toISOString();
      log({
        event: 'index-swapped',
        head: result.head.sha,
        commits: steps.length,
        families: next.head.families.length,
        changedRoles: result.changedRoleIds.length,
        ms: Date.now() - started,
        ...cache.stats(),
      });
      for (const listener of listeners) {
        try {
          listener(next, result);
        } catch (err) {
          log({ event: 'swap-listener-failed', error: err instanceof Error ? err.message : String(err) });
        }
      }
      return result;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      phase = view ? 'ready' : 'failed';
      progress = null;
      log({ event: 'index-refresh-failed', error: lastError });
      throw err;
    }
  };

  return {
    current: () => view,
    status(): IndexStatus {
      const head = view?.head ?? null;
      return {
        phase,
        url: opts.url,
        branch: opts.branch,
        contentDir,
        head: head?.commit ?? null,
        progress,
        lastError,
        lastRefreshAt,
        commitCount: view?.timeline.length ?? 0,
        familyCount: head?.families.length ?? 0,
        parsedBlobCount: blobs?.stats().entries ?? 0,
      };
    },
    refresh() {
      const next = running.then(run, run);
      running = next.catch(() => undefined);
      return next;
    },
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    blobStats: () => blobs?.stats() ?? { entries: 0, parsed: 0, loaded: 0, corrupt: 0, missing: 0 },
    async close() {
      closed = true;
      await running;
      listeners.clear();
      await opts.source.close();
    },
  };
}

/** Every page version the timeline names (each path with each blob it ever held). */
export function pagesOf(steps: readonly TimelineStep[], isPage: (path: string) => boolean): PageRef[] {
  const out: PageRef[] = [];
  for (const step of steps) {
    for (const change of step.changes) {
      if (change.status !== 'D' && change.newPath && change.newBlob && isPage(change.newPath)) {
        out.push({ path: change.newPath, blob: change.newBlob });
      }
    }
  }
  return out;
}
