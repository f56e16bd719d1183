// Where the job families live: found by looking, not from a fixed list. Every folder named
// `job-families` at any depth is a candidate; the one holding the most pages wins (a stray
// `layouts/.../job-families/` with a few partials loses to the real one). A configured folder wins
// over all of them.
import { withGit } from './gitClient';
import { contentRootOf } from './contentRoot';
import { assertCommitId, normalizeContentDir } from './validate';

/**
 * The layouts the handbook has used, newest first. Only a tie-break: when two folders hold as many
 * pages (mid-migration, both copies present), the newer layout is the content.
 */
export const CONTENT_DIR_CANDIDATES: readonly string[] = [
  'content/job-families',
  'source/job-families',
  'sites/marketing/source/job-families',
];

/** The endings of the pages we parse (`x.md`, `x/index.html.md`, `x/index.html.md.erb`); counts only. */
const PAGE_FILE = /\.md(?:\.erb)?$/;

/**
 * Page count per `job-families` folder among `paths` (a folder's own path counts it with 0 pages).
 * `isPage` says what a page is: by default any markdown file; the index passes its own rule.
 */
export function countPagesByRoot(paths: Iterable<string>, isPage: (path: string) => boolean = (p) => PAGE_FILE.test(p)): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const root = contentRootOf(path);
    if (root === null) continue;
    const page = root !== path && isPage(path) ? 1 : 0;
    counts.set(root, (counts.get(root) ?? 0) + page);
  }
  return counts;
}

/** Sort order of the tie-break: known layouts in their order, then any other folder by path. */
function preference(a: string, b: string): number {
  const rank = (dir: string): number => {
    const at = CONTENT_DIR_CANDIDATES.indexOf(dir);
    return at < 0 ? CONTENT_DIR_CANDIDATES.length : at;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The folder with the most pages in `counts`; ties go to the preferred layout. Null when empty. */
export function bestRoot(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  for (const [root, count] of counts) {
    const held = best === null ? -1 : counts.get(best)!;
    if (count > held || (count === held && preference(root, best!) < 0)) best = root;
  }
  return best;
}

/**
 * Pure choice: `configured` when given, otherwise the `job-families` folder (at any depth) holding
 * the most pages among `paths` (files, or folders themselves). Null when there is none.
 */
export function chooseContentDir(paths: Iterable<string>, configured?: string | null): string | null {
  if (configured) return normalizeContentDir(configured);
  return bestRoot(countPagesByRoot(paths));
}

/** Looks at every file in the tree of `commit` (one `ls-tree`; it takes no glob pathspec). */
export async function detectContentDir(gitDir: string, commit: string, configured?: string | null): Promise<string | null> {
  if (configured) return normalizeContentDir(configured);
  const sha = assertCommitId(commit);
  const listed = await withGit({ gitDir, op: 'ls-tree' }, (git) =>
    git.raw(['ls-tree', '-r', '-z', '--name-only', '--full-tree', '--end-of-options', sha]),
  );
  return chooseContentDir(listed.split('\0').filter(Boolean));
}
