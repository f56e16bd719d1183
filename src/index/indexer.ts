// Owns the served IndexView and its phases. A refresh fetches, moves the timeline to the new head
// (timelineToHead: extend, replace or rewrite), loads the page versions the store lacks, builds
// the next view and swaps it in — one assignment of `state`, so readers calling `current()` see
// the old or the new generation, never a mix — then tells listeners what changed. What only the
// next start reads (the value table, the role chains) is written after the swap, in the background.
// When the new head only adds first-parent commits on top of the served one, only those commits
// are read from git, parsed and folded into the next view (extendIndexView), so a refresh costs
// the new commits, not the history; a replaced or rewritten history is rebuilt in full, with every
// page version already parsed reused from the store.
// On failure the last good view keeps serving. When the very first fetch fails (a restart with the
// remote unreachable, or the disk full), the view of the last indexed head is loaded from the cache
// folder and served at once, reported as failed (stale-while-error); the refresher keeps retrying.
// One refresh at a time: the indexer refuses an
// overlapping one instead of queueing it; queueing and coalescing are the refresher's (src/watch).
import type { CommitInfo, GitSource, TimelineStep } from '../git';
import { contentScope } from './contentScope';
import { diff } from './diff';
import { assertHasFamilies } from './emptyIndex';
import { RefreshRunningError } from './errors';
import type { FamilyLookup, TimelineHistory } from './history';
import { decodeHistory, encodeHistoryText } from './historyCodec';
import { createIndexStore, type IndexStoreOptions } from './store/indexStore';
import type { BlobCacheStats, PageRef } from './store/blobCache';
import type { SharedParseTier } from './store/sharedParseTier';
import type { LoadedTimeline } from './store/timelineStore';
import { timelineToHead } from './timelineToHead';
import { failed, lastError, lastRefreshAt, progress, publicPhase, ready, refreshing, servedView, servingStored, STARTING, unreachable, type IndexerState } from './indexerState';
import type { IndexProgress, IndexStatus, IndexView, Indexer, RefreshResult } from './types';
import { buildIndexView, extendIndexView, type BuiltView } from './view';

/** Where today's handbook keeps its job families (`--content-dir` in the README's examples). */
export const DEFAULT_CONTENT_DIR = 'content/job-families';

export interface IndexerOptions {
  source: GitSource;
  /** Cache folder; parsed pages go to `<cacheDir>/parsed`, the timeline to `<cacheDir>/index`. */
  cacheDir: string;
  /** Content folder; when absent, every `job-families` folder is read and followed (contentScope.ts). */
  contentDir?: string;
  url: string;
  branch: string;
  log?: (event: Record<string, unknown>) => void;
  onProgress?: (progress: IndexProgress) => void;
  /** Parse pool settings (store/blobCache.ts); tests use them to run the same history with and without workers. */
  parsePool?: IndexStoreOptions['parsePool'];
  /** Parsed pages shared between replicas (Redis, from src/cluster): asked before parsing. */
  sharedTier?: SharedParseTier;
}

export interface IndexerWithStats extends Indexer {
  /** Counters of the parse cache (parsed by this process, loaded from disk, corrupt entries). */
  blobStats(): BlobCacheStats;
  /**
   * Resolves once what the last swap leaves for the next start (the value table, a rebuilt view's
   * role chains) is written, or failed and logged. `refresh` resolves at the swap, before that.
   */
  persisted(): Promise<void>;
}

export function createIndexer(opts: IndexerOptions): IndexerWithStats {
  const log = opts.log ?? (() => undefined);
  const store = createIndexStore({ cacheDir: opts.cacheDir, source: opts.source, log, parsePool: opts.parsePool, sharedTier: opts.sharedTier });
  const scope = contentScope(opts.contentDir);
  const listeners = new Set<(view: IndexView, result: RefreshResult) => void>();
  let state: IndexerState = STARTING;
  /** The refresh running, so `close` can wait for it and an overlapping call is refused. */
  let inFlight: Promise<unknown> | null = null;
  let closed = false;
  /** Head of the role chains in the cache folder, when known to match a view's (restored or saved here). */
  let savedHistoryHead: string | null = null;
  /** The cache writes after each swap, one after another; never rejects. */
  let persisting: Promise<void> = Promise.resolve();

  const report = (stage: string, done: number, total: number): void => {
    const now: IndexProgress = { stage, done, total };
    if (state.phase === 'refreshing') state = { ...state, progress: now };
    opts.onProgress?.(now);
  };

  const notify = (next: BuiltView, result: RefreshResult): void => {
    for (const listener of listeners) {
      try {
        listener(next, result);
      } catch (err) {
        log({ event: 'swap-listener-failed', error: err instanceof Error ? err.message : String(err) });
      }
    }
  };

  /** What every view of this indexer is built with: the content scope is fixed for its lifetime. */
  const viewOptions = () => {
    const { isPage, slugOfPath, followRoots } = scope;
    return { source: opts.source, pages: store.pages(scope), contentDir: scope.dir, isPage, slugOfPath, followRoots };
  };

  /** Loads every page version `steps` name (parsed, or from the cache), reporting progress. */
  const loadPages = async (steps: readonly TimelineStep[]): Promise<void> => {
    report('timeline', 1, 1);
    await store.pages(scope).load(pagesOf(steps, scope.isPage), (done, total) => report('parse', done, total));
    report('snapshot', 0, 1);
  };

  /** The view of `steps` in the content scope, every page it names loaded; its chains from the cache folder when they are there. */
  const viewOf = async (steps: TimelineStep[]): Promise<BuiltView> => {
    await loadPages(steps);
    const stored = await store.loadHistory(scope.dir);
    const restore = (timeline: readonly CommitInfo[], lookup: FamilyLookup): TimelineHistory | null => {
      if ('absent' in stored) return null;
      if ('rejected' in stored) {
        log({ event: 'history-rebuilt', reason: stored.rejected });
        return null;
      }
      try {
        const history = decodeHistory(stored.history, timeline, lookup);
        savedHistoryHead = stored.history.head;
        log({ event: 'history-from-cache', commits: history.length, extended: timeline.length - history.length });
        return history;
      } catch (err) {
        log({ event: 'history-rebuilt', reason: err instanceof Error ? err.message : String(err) });
        return null;
      }
    };
    return buildIndexView({ ...viewOptions(), steps, restore });
  };

  /**
   * Stores the view's role chains unless the file holds them already. Called after a full build and
   * at close, not after each incremental refresh: the file is rewritten whole (O(history)), while a
   * refresh costs O(new commits); a start after a crash restores the older chains and extends them.
   */
  const saveHistory = async (view: BuiltView): Promise<void> => {
    if (savedHistoryHead === view.head.commit.sha) return;
    const started = Date.now();
    const text = encodeHistoryText(view.history, view.timeline, store.pages(scope).get);
    if (!(await store.saveHistory(scope.dir, text))) return;
    savedHistoryHead = text.head;
    log({ event: 'history-saved', commits: text.length, ms: Date.now() - started });
  };

  /**
   * Stale-while-error: with nothing served and the fetch failed, serve the stored timeline's head
   * (its pages from the parse cache, any the cache lacks from the local clone). Best effort: when
   * the cache cannot give a whole view, nothing serves, as before.
   */
  const serveStored = async (): Promise<void> => {
    try {
      const stored = await store.loadTimeline(scope.dir);
      if (!stored) return;
      const view = await viewOf(stored.steps);
      assertHasFamilies(view.head, scope.dir, view.roots);
      state = servingStored(state, view, stored.confirmedAt);
      log({ event: 'index-from-cache', head: stored.head, commits: stored.steps.length, confirmedAt: stored.confirmedAt });
      notify(view, { head: view.head.commit, previousHead: null, changedRoleIds: view.head.roles.map((r) => r.id) });
      // As after a swap: pages parsed from the local clone, or chains rebuilt, serve the next start too.
      persisting = persisting.then(() => persist(view, 'rebuilt'));
    } catch (err) {
      log({ event: 'index-from-cache-failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const run = async (previous: BuiltView | null): Promise<RefreshResult> => {
    const started = Date.now();
    report('fetch', 0, 1);
    let head: string;
    try {
      head = await opts.source.update();
    } catch (err) {
      if (!previous) await serveStored();
      throw err;
    }
    report('fetch', 1, 1);
    const dir = scope.dir;
    if (previous && previous.head.commit.sha === head) {
      // Nothing new: the served view is current; no swap, no listeners.
      await store.confirmTimeline();
      state = ready(previous);
      return { head: previous.head.commit, previousHead: previous.head.commit, changedRoleIds: [] };
    }
    const { next, mode } = await nextView(previous, head);
    // A head with no job family is a wrong repository or folder: fail, and keep serving the last good view.
    assertHasFamilies(next.head, dir, next.roots);
    const result: RefreshResult = {
      head: next.head.commit,
      previousHead: previous?.head.commit ?? null,
      changedRoleIds: previous ? diff(previous.head, next.head).roles.map((r) => r.id) : next.head.roles.map((r) => r.id),
    };
    await store.confirmTimeline();
    // The swap, and the last step that waits: a reader that sees the new head sees a finished refresh.
    state = ready(next);
    log({
      event: 'index-swapped',
      head: result.head.sha,
      mode,
      commits: next.timeline.length,
      families: next.head.families.length,
      changedRoles: result.changedRoleIds.length,
      ms: Date.now() - started,
      ...store.stats(),
    });
    notify(next, result);
    // The next start's files are written after the swap, not before: a cold 20k build serves
    // ~1.2-1.6 s sooner (value table and chains), and a refresh's latency is the time to the new head
    // (unless it parses pages while the table is still being written: both go through one writer).
    persisting = persisting.then(() => persist(next, mode));
    return result;
  };

  /**
   * After a full build the role chains, and the value table when its packs outgrew it; failures are
   * logged. The chains first: with the table first, its encoder's garbage was still in the heap while
   * the chains were encoded, and cold 20k builds peaked 363-384 MB against 354-369 before the move
   * (the chains first: 360-372 MB).
   */
  const persist = async (view: BuiltView, mode: 'extended' | 'rebuilt'): Promise<void> => {
    try {
      if (mode === 'rebuilt') await saveHistory(view);
      await store.persistPages();
    } catch (err) {
      log({ event: 'persist-failed', level: 'warn', error: err instanceof Error ? err.message : String(err) });
    }
  };

  /**
   * The view at `head`, its timeline stored. The old timeline is the served view's; with nothing
   * served yet, the stored one (a warm start).
   */
  const nextView = async (previous: BuiltView | null, head: string): Promise<{ next: BuiltView; mode: 'extended' | 'rebuilt' }> => {
    const dir = scope.dir;
    report('timeline', 0, 1);
    const served = previous;
    const stored: LoadedTimeline | null = previous ? null : await store.loadTimeline(dir);
    const oldHead = served?.head.commit.sha ?? stored?.head ?? null;
    const change = await timelineToHead((h, since) => opts.source.timeline(dir, h, since), oldHead, head, log);
    switch (change.kind) {
      case 'extend': {
        if (served) {
          await loadPages(change.steps);
          const next = extendIndexView(served, { ...viewOptions(), steps: change.steps });
          await store.appendTimeline(dir, served.head.commit.sha, change.steps);
          return { next, mode: 'extended' };
        }
        // timelineToHead extends only an old timeline; with none (oldHead null) it rewrites.
        if (!stored) throw new Error('extended a timeline the index does not have');
        // A warm start: the stored timeline, plus what git has on top of it.
        const steps = stored.steps;
        for (const step of change.steps) steps.push({ ...step, commit: { ...step.commit, position: steps.length } });
        log({ event: 'timeline-from-cache', commits: steps.length - change.steps.length, read: change.steps.length });
        // Fold the journal and the new steps into one base, once per start, so the journal stays short.
        if (change.steps.length > 0 || stored.journalSteps > 0) await store.saveTimeline(dir, steps);
        return { next: await viewOf(steps), mode: 'rebuilt' };
      }
      case 'replace':
      case 'rewrite':
        await store.saveTimeline(dir, change.steps);
        return { next: await viewOf(change.steps), mode: 'rebuilt' };
      default:
        return unreachable(change);
    }
  };

  return {
    current: () => servedView(state),
    status(): IndexStatus {
      const view = servedView(state);
      return {
        phase: publicPhase(state),
        url: opts.url,
        branch: opts.branch,
        contentDir: view?.contentRoot ?? store.contentDir() ?? opts.contentDir ?? '',
        head: view?.head.commit ?? null,
        progress: progress(state),
        lastError: lastError(state),
        lastRefreshAt: lastRefreshAt(state),
        commitCount: view?.timeline.length ?? 0,
        familyCount: view?.head.families.length ?? 0,
        parsedBlobCount: store.stats().entries,
        cacheWriteFailures: store.writeHealth().writeFailures,
        cacheLastWriteError: store.writeHealth().lastWriteError,
        pages: pageSources(store.stats()),
      };
    },
    refresh() {
      if (closed) return Promise.reject(new Error('indexer is closed'));
      if (inFlight) return Promise.reject(new RefreshRunningError('a refresh is already running; overlapping refreshes go through the refresher (src/watch), which queues them'));
      const previous = servedView(state);
      state = refreshing(state, { stage: 'fetch', done: 0, total: 1 });
      const done = run(previous).catch((err: unknown) => {
        const error = err instanceof Error ? err.message : String(err);
        state = failed(state, error);
        log({ event: 'index-refresh-failed', error });
        throw err;
      });
      inFlight = done.finally(() => (inFlight = null)).catch(() => undefined);
      return done;
    },
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    blobStats: () => store.stats(),
    persisted: () => persisting,
    async close() {
      closed = true;
      await inFlight;
      await persisting;
      const served = servedView(state);
      if (served) await saveHistory(served);
      await store.close();
      listeners.clear();
      await opts.source.close();
    },
  };
}

function pageSources({ parsed, loaded, shared, sharedFailures }: BlobCacheStats): IndexStatus['pages'] {
  return { parsed, loaded, shared, sharedFailures };
}

/** Every page version the timeline names (each path with each blob it ever held). */
function pagesOf(steps: readonly TimelineStep[], isPage: (path: string) => boolean): PageRef[] {
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
