// Which `job-families` folder is the content, commit by commit. The handbook moved its pages
// (`source/` → `sites/marketing/source/` → `content/`), sometimes in one commit, sometimes by
// copying first and deleting later. The git layer hands over the changes below every such folder;
// this pass keeps, at each commit, only the folder holding the most pages, and where that choice
// changes it rewrites the commit as "every file of the old folder removed, every file of the new
// one added". Slugs are taken below the folder, so a moved page keeps its slug and its history
// simply continues (a path change, as for `x.md` → `x/index.md`).
import { bestRoot, countPagesByRoot } from '../git';
import { contentRootOf } from '../git';
import type { PathChange, TimelineStep } from '../git';

/** Where the folders stood after the last commit followed: what the next extension continues from. */
export interface ContentRoots {
  /** The folder the index sees; null until some folder holds a page. */
  readonly current: string | null;
  /** Every folder's files, path → blob. Never mutated once returned (copy on write). */
  readonly files: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Pages per folder (files `isPage` accepts). */
  readonly pages: ReadonlyMap<string, number>;
}

export const NO_CONTENT_ROOTS: ContentRoots = { current: null, files: new Map(), pages: new Map() };

export interface FollowedTimeline {
  /** The same commits, each with only the changes the index should see. */
  steps: TimelineStep[];
  roots: ContentRoots;
}

export function followContentRoots(
  steps: readonly TimelineStep[],
  isPage: (path: string) => boolean,
  previous: ContentRoots = NO_CONTENT_ROOTS,
): FollowedTimeline {
  const files = new Map(previous.files);
  const owned = new Set<string>();
  const pages = new Map(previous.pages);
  let current = previous.current;

  /** The folder's file map, copied before its first change in this pass (`previous` shares it). */
  const filesOf = (root: string): Map<string, string> => {
    if (!owned.has(root)) {
      files.set(root, new Map(files.get(root)));
      owned.add(root);
    }
    return files.get(root) as Map<string, string>;
  };
  const remove = (path: string): void => {
    const root = contentRootOf(path);
    if (root === null || !files.get(root)?.has(path)) return;
    filesOf(root).delete(path);
    if (isPage(path)) pages.set(root, (pages.get(root) ?? 1) - 1);
  };
  const set = (path: string, blob: string): void => {
    const root = contentRootOf(path);
    if (root === null || root === path) return;
    const held = filesOf(root);
    if (!held.has(path) && isPage(path)) pages.set(root, (pages.get(root) ?? 0) + 1);
    held.set(path, blob);
  };

  const followed = steps.map((step): TimelineStep => {
    if (step.changes.length === 0) return step;
    const was = current;
    // What the current folder held before this commit, for the paths the commit changes.
    const undo = new Map<string, string | null>();
    for (const change of step.changes) {
      for (const path of [change.oldPath, change.newPath]) {
        if (path && was !== null && contentRootOf(path) === was && !undo.has(path)) undo.set(path, files.get(was)?.get(path) ?? null);
      }
    }
    for (const change of step.changes) {
      if (change.oldPath && change.status !== 'A') remove(change.oldPath);
      if (change.newPath && change.newBlob && change.status !== 'D') set(change.newPath, change.newBlob);
    }
    current = nextRoot(current, pages);
    if (current === was) {
      return { commit: step.commit, changes: current === null ? [] : changesWithin(step.changes, current) };
    }
    const before = was === null ? new Map<string, string>() : new Map(files.get(was));
    for (const [path, blob] of undo) {
      if (blob === null) before.delete(path);
      else before.set(path, blob);
    }
    return { commit: step.commit, changes: switchChanges(before, current === null ? new Map() : files.get(current)!) };
  });
  return { steps: followed, roots: { current, files, pages } };
}

/** The current folder stays until another holds strictly more pages (a tie changes nothing). */
function nextRoot(current: string | null, pages: ReadonlyMap<string, number>): string | null {
  const best = bestRoot(pages);
  if (best === null || (pages.get(best) ?? 0) === 0) return current;
  if (current !== null && (pages.get(current) ?? 0) >= (pages.get(best) ?? 0)) return current;
  return best;
}

/**
 * The changes as seen from inside `root`: a rename into it is an add, a rename out of it a delete,
 * anything elsewhere is dropped.
 */
function changesWithin(changes: readonly PathChange[], root: string): PathChange[] {
  const out: PathChange[] = [];
  for (const change of changes) {
    const oldIn = change.oldPath !== null && contentRootOf(change.oldPath) === root;
    const newIn = change.newPath !== null && contentRootOf(change.newPath) === root;
    if (oldIn && newIn) out.push(change);
    else if (oldIn) out.push({ status: 'D', oldPath: change.oldPath, newPath: null, oldBlob: change.oldBlob, newBlob: null });
    else if (newIn) out.push({ status: 'A', oldPath: null, newPath: change.newPath, oldBlob: null, newBlob: change.newBlob });
  }
  return out;
}

/** The folder changed: everything the old one held goes, everything the new one holds comes (path order). */
function switchChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): PathChange[] {
  const out: PathChange[] = [];
  for (const [path, blob] of byPath(before)) out.push({ status: 'D', oldPath: path, newPath: null, oldBlob: blob, newBlob: null });
  for (const [path, blob] of byPath(after)) out.push({ status: 'A', oldPath: null, newPath: path, oldBlob: null, newBlob: blob });
  return out;
}

function byPath(files: ReadonlyMap<string, string>): Array<[string, string]> {
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The folder with the most pages among tree entries (for commits off the timeline), and its entries. */
export function entriesOfBestRoot<T extends { path: string }>(entries: readonly T[], isPage: (path: string) => boolean): T[] {
  const root = bestRoot(countPagesByRoot(entries.map((e) => e.path), isPage));
  return root === null ? [] : entries.filter((e) => contentRootOf(e.path) === root);
}
