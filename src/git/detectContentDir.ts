// Where the job families live. The handbook moved them over the years; the first of these that
// exists at head is the content folder, unless one is configured.
import { withGit } from './gitClient';
import { assertCommitId, normalizeContentDir } from './validate';

export const CONTENT_DIR_CANDIDATES: readonly string[] = [
  'content/job-families',
  'source/job-families',
  'sites/marketing/source/job-families',
];

/**
 * Pure choice: `configured` when given, otherwise the first candidate that is one of `paths` or a
 * folder above one of them. Null when none is present.
 */
export function chooseContentDir(paths: Iterable<string>, configured?: string | null): string | null {
  if (configured) return normalizeContentDir(configured);
  const present = new Set<string>();
  for (const path of paths) {
    for (const candidate of CONTENT_DIR_CANDIDATES) {
      if (path === candidate || path.startsWith(`${candidate}/`)) present.add(candidate);
    }
  }
  return CONTENT_DIR_CANDIDATES.find((candidate) => present.has(candidate)) ?? null;
}

/** Looks the candidates up in the tree of `commit` (one `ls-tree` of just those paths). */
export async function detectContentDir(gitDir: string, commit: string, configured?: string | null): Promise<string | null> {
  if (configured) return normalizeContentDir(configured);
  const sha = assertCommitId(commit);
  const listed = await withGit({ gitDir, op: 'ls-tree' }, (git) =>
    git.raw(['ls-tree', '-z', '--name-only', '--full-tree', '--end-of-options', sha, '--', ...CONTENT_DIR_CANDIDATES]),
  );
  return chooseContentDir(listed.split('\0').filter(Boolean));
}
