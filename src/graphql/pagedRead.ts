// Where a page of a connection is read. The first page: at `at` (snapshot lists) or at the served
// head (timeline lists: commits, role histories). Every later page: at the commit its cursor was
// issued at, even after a refresh moved the head and even when `at` is omitted, so a client paging
// through `roles` while someone pushes sees one consistent list.
import { BadRefError, BadUserInputError } from '../index';
import type { CommitInfo, IndexView, Snapshot } from '../index';
import type { Loaders } from './loaders';
import { cursorSha, type PageArgs } from './pagination';

const STALE_CURSOR = 'The cursor was issued at a commit this server no longer has; read the list again without after/before';

/** The snapshot a page of roles or families is read from. */
export async function snapshotForPage(loaders: Loaders, args: PageArgs & { at?: string | null }): Promise<Snapshot> {
  const sha = cursorSha(args);
  if (sha === null) return loaders.snapshotByRef(args.at);
  try {
    return await loaders.snapshotByRef(sha);
  } catch (error) {
    // The cursor's commit left the repository (a force push): a stale cursor, not a bad `at`.
    if (error instanceof BadRefError) throw new BadUserInputError(STALE_CURSOR);
    throw error;
  }
}

/** The timeline commit a page of a timeline list (newest first) is read as of. */
export function timelineCommitForPage(view: IndexView, args: PageArgs): CommitInfo {
  const sha = cursorSha(args);
  if (sha === null) return view.head.commit;
  // Cursors are almost always recent: look from the head down.
  for (let i = view.timeline.length - 1; i >= 0; i--) {
    if (view.timeline[i].sha === sha) return view.timeline[i];
  }
  throw new BadUserInputError(STALE_CURSOR);
}

/** The newest-first list as it stood at `commit`: what it held then, in the same order. */
export function asOf<T>(newestFirst: readonly T[], commit: CommitInfo, commitOf: (item: T) => CommitInfo): readonly T[] {
  const first = newestFirst.findIndex((item) => commitOf(item).position <= commit.position);
  if (first === 0) return newestFirst;
  return first < 0 ? [] : newestFirst.slice(first);
}
