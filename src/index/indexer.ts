// Owns the served IndexView and its phases: fetch, read the timeline, parse only the page versions
// the blob cache lacks, build the next view, swap it in (a plain assignment, so readers calling
// `current()` see the old or the new generation, never a mix), then tell listeners what changed.
// When the new head only adds first-parent commits on top of the served one, only those commits
// are read from git, parsed and folded into the next view (extendIndexView), so a refresh costs
// the new commits, not the history; a rewritten history (force-push) is rebuilt in full, with
// every page version already parsed reused from the blob cache.
// On failure the last good view keeps serving; refreshes run one after another.
import path from 'node:path';
import type { GitSource, TimelineStep } from '../git/types';
import { BlobCache, type BlobCacheStats, type PageRef } from './blobCache';
import { contentScope } from './contentScope';
import { diff } from './diff';
import { assertHasFamilies } from './emptyIndex';
import { appendTimeline, loadStoredTimeline, saveTimeline } from './timelineStore';
import type { IndexPhase, IndexProgress, IndexStatus, IndexView, Indexer, RefreshResult } from './types';
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
  const scope = contentScope(opts.contentDir);
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
      void blobs?.close(); // stops appending to the old folder's pack; never throws
      blobs = new BlobCache({ dir: path.join(opts.cacheDir, 'parsed'), contentDir: scope.parseDir, log });
    }
    return blobs;
  };

  /** What the files in `<cacheDir>/index` hold: the base file's head and the head they reach. */
  let persisted: { base: string; head: string } | null = null;

  const logError = (event: string, err: unknown): void =>
    log({ event, error: err instanceof Error ? err.message : String(err) });

  /**
   * The steps after `since` up to `head` when `head` only adds first-parent commits to it. No
   * `isAncestor` call first: on a 20,000-commit index each git process costs tens of ms to start,
   * and the chain check below is what decides; a rewrite (rare) then costs one extra log.
   */
  const stepsAfter = async (dir: string, since: string, head: string): Promise<Continuation> => {
    let steps: TimelineStep[];
    try {
      steps = await opts.source.timeline(dir, head, since);
    } catch (err) {
      // `since` may be gone (pruned after a force-push); a full read will surface real failures.
      logError('timeline-since-failed', err);
      return { kind: 'rewritten' };
    }
    return continuation(steps, since, head);
  };

  /** Writes a new base file; persisting is an optimisation, so a failure is only logged. */
  const persistAll = async (dir: string, head: string, steps: readonly TimelineStep[]): Promise<void> => {
    try {
      await saveTimeline(opts.cacheDir, dir, head, steps);
      persisted = { base: head, head };
    } catch (err) {
      persisted = null;
      logError('timeline-save-failed', err);
    }
  };

  /** Appends a refresh's new steps to the journal when the stored files reach `from`. */
  const persistMore = async (dir: string, from: string, steps: readonly TimelineStep[]): Promise<void> => {
    if (!persisted || persisted.head !== from || steps.length === 0) return;
    try {
      await appendTimeline(opts.cacheDir, dir, persisted.base, from, steps);
      persisted = { base: persisted.base, head: steps[steps.length - 1].commit.sha };
    } catch (err) {
      persisted = null; // the journal may hold a torn line now; the next start reads past it from git
      logError('timeline-save-failed', err);
    }
  };

  /** The whole timeline up to `head`: the stored one (extended from git when behind), else git log. */
  const readTimeline = async (dir: string, head: string): Promise<TimelineStep[]> => {
    const stored = await loadStoredTimeline(opts.cacheDir, dir).catch(() => null);
    if (stored) {
      const more = stored.head === head ? ({ kind: 'extends', steps: [] } as Continuation) : await stepsAfter(dir, stored.head, head);
      if (more.kind === 'extends') {
        const steps = stored.steps;
        for (const step of more.steps) steps.push({ ...step, commit: { ...step.commit, position: steps.length } });
        log({ event: 'timeline-from-cache', commits: stored.steps.length - more.steps.length, read: more.steps.length });
        // Fold the journal and the new steps into one base, once per start, so the journal stays short.
        if (more.steps.length > 0 || stored.journalSteps > 0) await persistAll(dir, head, steps);
        else persisted = { base: head, head };
        return steps;
      }
      if (more.kind === 'whole') {
        await persistAll(dir, head, more.steps);
        return more.steps;
      }
    }
    return readWholeTimeline(dir, head);
  };

  const readWholeTimeline = async (dir: string, head: string): Promise<TimelineStep[]> => {
    const steps = await opts.source.timeline(dir, head);
    await persistAll(dir, head, steps);
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
      const dir = scope.dir;
      if (previous && previous.head.commit.sha === head && dir === contentDir) {
        // Nothing new: the served view is current; no swap, no listeners.
        phase = 'ready';
        progress = null;
        lastError = null;
        lastRefreshAt = new Date().toISOString();
        return { head: previous.head.commit, previousHead: previous.head.commit, changedRoleIds: [] };
      }
      const sameDir = dir === contentDir;
      const cache = cacheFor(dir);
      contentDir = dir;
      const { isPage, slugOfPath, followRoots } = scope;
      const viewOptions = { source: opts.source, blobs: cache, contentDir: dir, isPage, slugOfPath, followRoots };
      const parse = (steps: readonly TimelineStep[]) =>
        cache.ensure(pagesOf(steps, isPage), (ids) => opts.source.readBlobs(ids), (done, total) => report('parse', done, total));
      report('timeline', 0, 1);
      const more = previous && sameDir ? await stepsAfter(dir, previous.head.commit.sha, head) : null;
      let next: BuiltView;
      let mode: 'extended' | 'rebuilt';
      if (previous && more?.kind === 'extends') {
        report('timeline', 1, 1);
        await parse(more.steps);
        report('snapshot', 0, 1);
        next = extendIndexView(previous, { ...viewOptions, steps: more.steps });
        mode = 'extended';
      } else {
        // With a view already served, the stored timeline is that view's (or older): not worth loading.
        let steps: TimelineStep[];
        if (more?.kind === 'whole') {
          steps = more.steps;
          await persistAll(dir, head, steps);
        } else {
          steps = previous ? await readWholeTimeline(dir, head) : await readTimeline(dir, head);
        }
        report('timeline', 1, 1);
        await parse(steps);
        report('snapshot', 0, 1);
        next = buildIndexView({ ...viewOptions, steps });
        mode = 'rebuilt';
      }
      assertHasFamilies(next.head, dir, next.roots);
      const result: RefreshResult = {
        head: next.head.commit,
        previousHead: previous?.head.commit ?? null,
        changedRoleIds: previous ? diff(previous.head, next.head).roles.map((r) => r.id) : next.head.roles.map((r) => r.id),
      };
      view = next; // the swap
      if (mode === 'extended' && more?.kind === 'extends') await persistMore(dir, previous!.head.commit.sha, more.steps);
      phase = 'ready';
      progress = null;
      lastError = null;
      lastRefreshAt = new Date().toISOString();
      log({
        event: 'index-swapped',
        head: result.head.sha,
        mode,
        commits: next.timeline.length,
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
        contentDir: view?.contentRoot ?? contentDir,
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
      await blobs?.close();
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

/**
 * What `timeline(dir, head, since)` answered: the commits on top of `since` (each the first parent
 * of the next), the whole timeline (a source that ignores `since`), or neither — `since` is not a
 * first-parent ancestor of head (rewritten history, or reached only through a merge).
 */
export type Continuation =
  | { kind: 'extends'; steps: TimelineStep[] }
  | { kind: 'whole'; steps: TimelineStep[] }
  | { kind: 'rewritten' };

export function continuation(steps: TimelineStep[], since: string, head: string): Continuation {
  const last = steps[steps.length - 1];
  if (!last || last.commit.sha !== head) return { kind: 'rewritten' };
  if (steps[0].commit.parents.length === 0) return { kind: 'whole', steps };
  if (steps[0].commit.parents[0] !== since) return { kind: 'rewritten' };
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].commit.parents[0] !== steps[i - 1].commit.sha) return { kind: 'rewritten' };
  }
  return { kind: 'extends', steps };
}
