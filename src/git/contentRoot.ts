// Where job-family pages live: any folder named `job-families`, at any depth. The handbook moved it
// over the years (`source/`, `sites/marketing/source/`, `sites/handbook/source/`, `content/`), so
// the git layer reads every such folder and the index decides, commit by commit, which one is the
// content (see index/contentRoots.ts). A configured folder replaces the search.
import { normalizeContentDir } from './validate';

/** The folder name every content layout ends in. */
export const CONTENT_FOLDER_NAME = 'job-families';

/**
 * Stands for "every `job-families` folder" where a content folder is expected (timeline, tree,
 * stored-timeline key). It can never be a configured folder: configured folders are literal
 * paths, and no handbook names a folder `**`.
 */
export const ANY_CONTENT_ROOT = '**/job-families';

/**
 * `git log` pathspec for every file below any `job-families` folder, at the top or nested
 * (`**` with glob magic matches zero or more folders). `ls-tree` does not take glob magic; tree.ts
 * filters with contentRootOf instead.
 */
const ANY_ROOT_PATHSPEC = `:(glob)**/${CONTENT_FOLDER_NAME}/**`;

/**
 * The pathspec that limits `git log` to the content, magic spelled out (the call reads magic, see
 * spawnGit's `magicPathspecs`): every root, or the configured folder taken literally — a
 * configured `content/job-famil*` names that odd folder, never a pattern.
 */
export function contentPathspec(contentDir: string): string {
  return contentDir === ANY_CONTENT_ROOT ? ANY_ROOT_PATHSPEC : `:(literal)${normalizeContentDir(contentDir)}`;
}

/**
 * The `job-families` folder a path lies in (the innermost, as slugs are taken below it):
 * `sites/marketing/source/job-families/sales/a.md` → `sites/marketing/source/job-families`. The
 * folder's own path answers itself; a path with no such folder segment answers null
 * (`content/job-families-old/a.md` is not one).
 */
export function contentRootOf(path: string): string | null {
  const segments = path.split('/');
  const at = segments.lastIndexOf(CONTENT_FOLDER_NAME);
  return at < 0 ? null : segments.slice(0, at + 1).join('/');
}

/** True when `path` is in the content: below `contentDir`, or below any root for ANY_CONTENT_ROOT. */
export function isUnderContent(path: string, contentDir: string): boolean {
  if (contentDir === ANY_CONTENT_ROOT) {
    const root = contentRootOf(path);
    return root !== null && root !== path;
  }
  return path.startsWith(`${normalizeContentDir(contentDir)}/`);
}
