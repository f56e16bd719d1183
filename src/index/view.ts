// One immutable generation of the index over one timeline: the head snapshot, snapshots at any
// commit on demand (LRU), role histories and commit lists. Built by the indexer after the blob
// cache holds every page version the timeline names — from scratch (`buildIndexView`), or from the
// previous generation plus the commits on top of it (`extendIndexView`), which costs the new
// commits' changes plus O(families) for the head snapshot, and leaves the previous view intact.
import { LRUCache } from 'lru-cache';
import type { CommitInfo, GitSource, TimelineStep } from '../git/types';
import type { BlobCache } from './blobCache';
import { diff } from './diff';
import { buildHistory, extendHistory, type TimelineHistory } from './history';
import { Lru } from './lru';
import { PathBlobIndex } from './pathBlobIndex';
import { resolveClientRef } from './resolveClientRef';
import { buildSnapshot, type PageVersion } from './snapshot';
import type { IndexView, RoleVersion, Snapshot, SnapshotDiff } from './types';

/** Snapshots kept per view; each holds references to shared parsed pages, so they are cheap. */
export const SNAPSHOT_CACHE_SIZE = 32;
/**
 * Diffs kept per view. Small: a first-to-last diff at 20,000 commits is thousands of role changes
 * (~1 MB as JSON), and the response cache above already answers repeated identical queries.
 */
export const DIFF_CACHE_SIZE = 8;

export type ViewSource = Pick<GitSource, 'resolveRef' | 'commitInfo' | 'tree' | 'readBlobs'>;

export interface ViewOptions {
  steps: readonly TimelineStep[];
  source: ViewSource;
  blobs: BlobCache;
  contentDir: string;
  isPage: (path: string) => boolean;
  slugOfPath: (path: string) => string;
  snapshotCacheSize?: number;
}

/** The view plus what the indexer reports about it and what the next generation extends. */
export interface BuiltView extends IndexView {
  readonly history: TimelineHistory;
  readonly pathIndex: PathBlobIndex;
  /** sha → timeline commit, shared by the generations extended from one build (see onTimeline). */
  readonly commitsBySha: Map<string, CommitInfo>;
}

export function buildIndexView(opts: ViewOptions): BuiltView {
  if (opts.steps.length === 0) throw new Error('cannot build an index view over an empty timeline');
  const lookup = (path: string, blob: string) => opts.blobs.get(path, blob);
  const steps = numbered(opts.steps, 0);
  return assembleView(opts, {
    timeline: steps.map((s) => s.commit),
    commitsBySha: new Map(),
    firstNew: 0,
    pathIndex: new PathBlobIndex(steps, opts.isPage),
    history: buildHistory(steps, opts.isPage, lookup, opts.slugOfPath),
    previousHead: undefined,
  });
}

/**
 * The view over `previous`'s timeline followed by `opts.steps` (the commits after its head, in
 * order, each the first parent of the next). `previous` and everything it hands out stay as they
 * were: readers holding it keep seeing the old world.
 */
export function extendIndexView(previous: BuiltView, opts: ViewOptions): BuiltView {
  if (opts.steps.length === 0) return previous;
  const lookup = (path: string, blob: string) => opts.blobs.get(path, blob);
  const steps = numbered(opts.steps, previous.timeline.length);
  return assembleView(opts, {
    timeline: [...previous.timeline, ...steps.map((s) => s.commit)],
    commitsBySha: previous.commitsBySha,
    firstNew: previous.timeline.length,
    pathIndex: previous.pathIndex.extend(steps),
    history: extendHistory(previous.history, steps, opts.isPage, lookup, opts.slugOfPath),
    previousHead: previous.head,
  });
}

/**
 * Positions are indexes into the view's timeline, whatever the source said (a `since` read numbers
 * from 0), and role versions must carry the same commit objects as the timeline.
 */
function numbered(steps: readonly TimelineStep[], offset: number): TimelineStep[] {
  return steps.map((s, i) => (s.commit.position === offset + i ? s : { ...s, commit: { ...s.commit, position: offset + i } }));
}

interface ViewParts {
  timeline: CommitInfo[];
  /** Append-only: holds this timeline's commits, and maybe later generations' too. */
  commitsBySha: Map<string, CommitInfo>;
  /** Position of the first commit `commitsBySha` does not hold yet. */
  firstNew: number;
  pathIndex: PathBlobIndex;
  history: TimelineHistory;
  /** Lends unchanged families to the new head snapshot. */
  previousHead: Snapshot | undefined;
}

function assembleView(opts: ViewOptions, parts: ViewParts): BuiltView {
  const { timeline, pathIndex, history, commitsBySha } = parts;
  // Only the commits this generation adds go in: copying 20,000 entries per refresh is most of
  // its cost. Later generations add theirs to the same map, so a lookup checks that the commit
  // sits on this timeline, and an older view never sees newer commits.
  for (let p = parts.firstNew; p < timeline.length; p++) commitsBySha.set(timeline[p].sha, timeline[p]);
  const bySha = {
    get(sha: string): CommitInfo | undefined {
      const commit = commitsBySha.get(sha);
      return commit && timeline[commit.position] === commit ? commit : undefined;
    },
  };
  const cache = new LRUCache<string, Promise<Snapshot>>({ max: opts.snapshotCacheSize ?? SNAPSHOT_CACHE_SIZE });

  const pagesOf = (entries: Iterable<[string, string]>): PageVersion[] => {
    const pages: PageVersion[] = [];
    for (const [path, blob] of entries) {
      const family = opts.blobs.get(path, blob);
      if (family) pages.push({ path, blob, family });
    }
    return pages;
  };
  const timelineSnapshot = (commit: CommitInfo): Snapshot => buildSnapshot(commit, pagesOf(pathIndex.at(commit.position)));
  const offTimelineSnapshot = async (commit: CommitInfo): Promise<Snapshot> => {
    const entries = (await opts.source.tree(commit.sha, opts.contentDir)).filter((e) => opts.isPage(e.path));
    await opts.blobs.ensure(entries, (ids) => opts.source.readBlobs(ids));
    return buildSnapshot(commit, pagesOf(entries.map((e) => [e.path, e.blob] as [string, string])));
  };

  const headCommit = timeline[timeline.length - 1];
  const head = buildSnapshot(headCommit, pagesOf(pathIndex.atLast()), parts.previousHead);
  cache.set(headCommit.sha, Promise.resolve(head));

  const diffs = new Lru<string, SnapshotDiff>(DIFF_CACHE_SIZE);
  let allContentCommits: readonly CommitInfo[] | null = null;
  const newestFirst = (positions: Iterable<number>): CommitInfo[] =>
    [...new Set(positions)].sort((a, b) => b - a).map((p) => timeline[p]);

  return {
    head,
    timeline,
    history,
    pathIndex,
    commitsBySha,
    resolveRef: (ref) =>
      resolveClientRef(ref, {
        timeline,
        bySha,
        resolve: (r) => opts.source.resolveRef(r),
        commitInfo: (sha) => opts.source.commitInfo(sha),
      }),
    snapshotAt(commit) {
      let snapshot = cache.get(commit.sha);
      if (!snapshot) {
        const onTimeline = bySha.get(commit.sha);
        snapshot = onTimeline ? Promise.resolve(timelineSnapshot(onTimeline)) : offTimelineSnapshot(commit);
        // A failed build is not remembered, so the next request tries again.
        snapshot.catch(() => cache.delete(commit.sha));
        cache.set(commit.sha, snapshot);
      }
      return snapshot;
    },
    diff(from, to) {
      // A snapshot is a pure function of its commit within one view, so the shas identify the pair.
      const key = `${from.commit.sha}..${to.commit.sha}`;
      let result = diffs.get(key);
      if (!result) {
        result = diff(from, to);
        diffs.set(key, result);
      }
      return result;
    },
    roleHistory(roleId): readonly RoleVersion[] {
      return history.roleVersions.get(roleId) ?? [];
    },
    commitsTouching(slugOrPath) {
      if (slugOrPath === null || slugOrPath === undefined || slugOrPath === '') {
        allContentCommits ??= newestFirst(history.contentPositions);
        return allContentCommits;
      }
      const key = slugOrPath.replace(/^\/+|\/+$/g, '');
      const underContent = `${opts.contentDir.replace(/\/+$/, '')}/${key}`;
      return newestFirst([
        ...(history.positionsByPath.get(key) ?? []),
        ...(history.positionsByPath.get(underContent) ?? []),
        ...(history.positionsBySlug.get(key) ?? []),
      ]);
    },
  };
}
