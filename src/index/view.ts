// One immutable generation of the index over one timeline: the head snapshot, snapshots at any
// commit on demand (LRU), role histories and commit lists. Built by the indexer after the page
// store holds every page version the timeline names — from scratch (`buildIndexView`), or from the
// previous generation plus the commits on top of it (`extendIndexView`), which costs the new
// commits' changes plus O(families) for the head snapshot, and leaves the previous view intact.
import { LRUCache } from 'lru-cache';
import type { CommitInfo, GitSource, TimelineStep } from '../git';
import { followContentRoots, NO_CONTENT_ROOTS, type ContentRoots } from './contentRoots';
import { diff } from './diff';
import { createDiffLimit, memoiseDiffs, type DiffLimit } from './diffMemo';
import { buildHistory, extendHistory, type FamilyLookup, type TimelineHistory } from './history';
import { PathBlobIndex } from './pathBlobIndex';
import { renamesBetween } from './renameMap';
import { resolveClientRef } from './resolveClientRef';
import { buildSnapshot, type PageVersion } from './snapshot';
import type { PageStore } from './store/indexStore';
import type { IndexView, RoleVersion, Snapshot } from './types';

/** Snapshots kept per view; each holds references to shared parsed pages, so they are cheap. */
export const SNAPSHOT_CACHE_SIZE = 32;
/** Commits off the timeline whose reachability a view remembers. */
const REACHABLE_CACHE_SIZE = 1024;

/** Git as a view asks it: only to resolve client refs (reading pages goes through the store). */
export type ViewSource = Pick<GitSource, 'resolveRef' | 'commitInfo' | 'isReachable'>;

export interface ViewOptions {
  steps: readonly TimelineStep[];
  source: ViewSource;
  /** Parsed pages: those of the timeline are loaded before the build; a commit off it loads its own. */
  pages: Pick<PageStore, 'get' | 'pagesAt'>;
  contentDir: string;
  isPage: (path: string) => boolean;
  slugOfPath: (path: string) => string;
  /**
   * True when `contentDir` is ANY_CONTENT_ROOT: the steps hold changes below every `job-families`
   * folder, and each commit sees only the one with the most pages (see contentRoots.ts).
   */
  followRoots?: boolean;
  snapshotCacheSize?: number;
  /**
   * A stored history of the first commits of `steps` (numbered, content folders followed), or null
   * to build it: a full build continues what it returns with the commits after it.
   */
  restore?: (timeline: readonly CommitInfo[], lookup: FamilyLookup) => TimelineHistory | null;
}

/** The view plus what the indexer reports about it and what the next generation extends. */
export interface BuiltView extends IndexView {
  /** The content folder its pages come from (a refresh that detects another one rebuilds). */
  readonly contentDir: string;
  readonly history: TimelineHistory;
  readonly pathIndex: PathBlobIndex;
  /** sha → timeline commit, shared by the generations extended from one build (see onTimeline). */
  readonly commitsBySha: Map<string, CommitInfo>;
  /** Bounds the diffs of this view and of the generations extended from it, together. */
  readonly diffLimit: DiffLimit;
  /** The content folders after the head commit, when followed (what the next generation continues). */
  readonly roots: ContentRoots | null;
  /** The folder the head snapshot was read from: the configured one, or the followed one. */
  readonly contentRoot: string | null;
}

// `restore` is kept out of `opts`, which the view holds for its lifetime: the closure holds the
// stored history as parsed from its file, and a warm 20k view kept those ~30 MB of arrays alive.
export function buildIndexView({ restore, ...opts }: ViewOptions): BuiltView {
  if (opts.steps.length === 0) throw new Error('cannot build an index view over an empty timeline');
  const lookup = (path: string, blob: string) => opts.pages.get(path, blob);
  const followed = opts.followRoots ? followContentRoots(opts.steps, opts.isPage) : null;
  const steps = numbered(followed?.steps ?? opts.steps, 0);
  const timeline = steps.map((s) => s.commit);
  const restored = restore?.(timeline, lookup) ?? null;
  const history = !restored
    ? buildHistory(steps, opts.isPage, lookup, opts.slugOfPath)
    : restored.length === steps.length
      ? restored
      : extendHistory(restored, steps.slice(restored.length), opts.isPage, lookup, opts.slugOfPath);
  return assembleView(opts, {
    roots: followed?.roots ?? null,
    timeline,
    commitsBySha: new Map(),
    firstNew: 0,
    pathIndex: new PathBlobIndex(steps, opts.isPage),
    history,
    previousHead: undefined,
    diffLimit: createDiffLimit(),
  });
}

/**
 * The view over `previous`'s timeline followed by `opts.steps` (the commits after its head, in
 * order, each the first parent of the next). `previous` and everything it hands out stay as they
 * were: readers holding it keep seeing the old world.
 */
export function extendIndexView(previous: BuiltView, opts: ViewOptions): BuiltView {
  if (opts.steps.length === 0) return previous;
  const lookup = (path: string, blob: string) => opts.pages.get(path, blob);
  const followed = opts.followRoots ? followContentRoots(opts.steps, opts.isPage, previous.roots ?? NO_CONTENT_ROOTS) : null;
  const steps = numbered(followed?.steps ?? opts.steps, previous.timeline.length);
  return assembleView(opts, {
    roots: followed?.roots ?? null,
    timeline: [...previous.timeline, ...steps.map((s) => s.commit)],
    commitsBySha: previous.commitsBySha,
    firstNew: previous.timeline.length,
    pathIndex: previous.pathIndex.extend(steps),
    history: extendHistory(previous.history, steps, opts.isPage, lookup, opts.slugOfPath),
    previousHead: previous.head,
    diffLimit: previous.diffLimit,
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
  diffLimit: DiffLimit;
  roots: ContentRoots | null;
}

function assembleView(opts: ViewOptions, parts: ViewParts): BuiltView {
  const { timeline, pathIndex, history, commitsBySha, diffLimit } = parts;
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
  // Reachability of commits off the timeline, per view (so per head): git walks history once per sha.
  const reachable = new LRUCache<string, Promise<boolean>>({ max: REACHABLE_CACHE_SIZE });
  const isReachable = opts.source.isReachable?.bind(opts.source);

  const pagesOf = (entries: Iterable<[string, string]>): PageVersion[] => {
    const pages: PageVersion[] = [];
    for (const [path, blob] of entries) {
      const family = opts.pages.get(path, blob);
      if (family) pages.push({ path, blob, family });
    }
    return pages;
  };
  const timelineSnapshot = (commit: CommitInfo): Snapshot => buildSnapshot(commit, pagesOf(pathIndex.at(commit.position)));
  const offTimelineSnapshot = async (commit: CommitInfo): Promise<Snapshot> => buildSnapshot(commit, await opts.pages.pagesAt(commit.sha));

  /** A commit's place in this view's timeline; -1 off it (its renames cannot be placed). */
  const onTimelinePosition = (commit: CommitInfo): number => (bySha.get(commit.sha) ? commit.position : -1);
  const headCommit = timeline[timeline.length - 1];
  const head = buildSnapshot(headCommit, pagesOf(pathIndex.atLast()), parts.previousHead);
  cache.set(headCommit.sha, Promise.resolve(head));

  let allContentCommits: readonly CommitInfo[] | null = null;
  const newestFirst = (positions: Iterable<number>): CommitInfo[] =>
    [...new Set(positions)].sort((a, b) => b - a).map((p) => timeline[p]);

  const view: BuiltView = {
    contentDir: opts.contentDir,
    roots: parts.roots,
    contentRoot: opts.followRoots ? (parts.roots?.current ?? null) : opts.contentDir,
    head,
    timeline,
    history,
    pathIndex,
    commitsBySha,
    diffLimit,
    resolveRef: (ref) =>
      resolveClientRef(ref, {
        timeline,
        bySha,
        resolve: (r) => opts.source.resolveRef(r),
        commitInfo: (sha) => opts.source.commitInfo(sha),
        reachable: isReachable
          ? (sha) => {
              let answer = reachable.get(sha);
              if (!answer) {
                answer = isReachable(sha, head.commit.sha);
                answer.catch(() => reachable.delete(sha)); // a failure is not remembered
                reachable.set(sha, answer);
              }
              return answer;
            }
          : undefined,
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
    diff: memoiseDiffs({
      snapshotAt: (commit) => view.snapshotAt(commit),
      limit: diffLimit,
      // Renames between the two commits pair retitled roles and moved families (A → B → C as A → C).
      compute: (from, to) => diff(from, to, renamesBetween(history.renames, onTimelinePosition(from.commit), onTimelinePosition(to.commit))),
    }),
    roleHistory(roleId): readonly RoleVersion[] {
      return history.roleVersions.get(roleId) ?? [];
    },
    commitsTouching(slugOrPath) {
      if (slugOrPath === null || slugOrPath === undefined || slugOrPath === '') {
        allContentCommits ??= newestFirst(history.contentPositions);
        return allContentCommits;
      }
      const key = slugOrPath.replace(/^\/+|\/+$/g, '');
      const root = opts.followRoots ? parts.roots?.current : opts.contentDir;
      const underContent = `${(root ?? '').replace(/\/+$/, '')}/${key}`;
      return newestFirst([
        ...(history.positionsByPath.get(key) ?? []),
        ...(history.positionsByPath.get(underContent) ?? []),
        ...(history.positionsBySlug.get(key) ?? []),
      ]);
    },
  };
  return view;
}
