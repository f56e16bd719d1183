// One immutable generation of the index over one timeline: the head snapshot, snapshots at any
// commit on demand (LRU), role histories and commit lists. Built by the indexer after the blob
// cache holds every page version the timeline names.
import type { CommitInfo, GitSource, TimelineStep } from '../git/types';
import type { BlobCache } from './blobCache';
import { buildHistory, type TimelineHistory } from './history';
import { Lru } from './lru';
import { PathBlobIndex } from './pathBlobIndex';
import { resolveClientRef } from './resolveClientRef';
import { buildSnapshot, type PageVersion } from './snapshot';
import type { IndexView, RoleVersion, Snapshot } from './types';

/** Snapshots kept per view; each holds references to shared parsed pages, so they are cheap. */
export const SNAPSHOT_CACHE_SIZE = 32;

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

/** The view plus what the indexer reports about it. */
export interface BuiltView extends IndexView {
  readonly history: TimelineHistory;
}

export function buildIndexView(opts: ViewOptions): BuiltView {
  if (opts.steps.length === 0) throw new Error('cannot build an index view over an empty timeline');
  // Positions are indexes into this timeline, whatever the source said.
  const timeline: CommitInfo[] = opts.steps.map((s, i) => (s.commit.position === i ? s.commit : { ...s.commit, position: i }));
  const bySha = new Map(timeline.map((c) => [c.sha, c] as const));
  const pathIndex = new PathBlobIndex(opts.steps, opts.isPage);
  const lookup = (path: string, blob: string) => opts.blobs.get(path, blob);
  const history = buildHistory(opts.steps, opts.isPage, lookup, opts.slugOfPath);
  const cache = new Lru<string, Promise<Snapshot>>(opts.snapshotCacheSize ?? SNAPSHOT_CACHE_SIZE);

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
  const head = timelineSnapshot(headCommit);
  cache.set(headCommit.sha, Promise.resolve(head));

  let allContentCommits: readonly CommitInfo[] | null = null;
  const newestFirst = (positions: Iterable<number>): CommitInfo[] =>
    [...new Set(positions)].sort((a, b) => b - a).map((p) => timeline[p]);

  return {
    head,
    timeline,
    history,
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
