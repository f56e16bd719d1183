// Files under the content folder at one commit: `git ls-tree -r -z`. Regular files only — a
// symlink (mode 120000) would point outside the page's content, a submodule (160000) has none.
import { ANY_CONTENT_ROOT, isUnderContent } from './contentRoot';
import { isRegularFileMode } from './fileMode';
import { withGit } from './gitClient';
import type { TreeEntry } from './types';
import { assertCommitId, normalizeContentDir } from './validate';

/** One `ls-tree -z` record: `<mode> <type> <object>\t<path>`. */
const TREE_LINE = /^([0-7]{6}) (\w+) ([0-9a-f]{40,64})\t([\s\S]+)$/;

/** Files in `contentDir` at `commit`; for ANY_CONTENT_ROOT, the files below every `job-families` folder. */
export async function readTree(gitDir: string, commit: string, contentDir: string): Promise<TreeEntry[]> {
  const sha = assertCommitId(commit);
  // ls-tree takes no glob pathspec: for every root, list the whole tree and keep the content.
  const any = contentDir === ANY_CONTENT_ROOT;
  const pathspec = any ? [] : ['--', normalizeContentDir(contentDir)];
  const listed = await withGit({ gitDir, op: 'ls-tree' }, (git) =>
    git.raw(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', sha, ...pathspec]),
  );
  const entries = parseTree(listed);
  return any ? entries.filter((e) => isUnderContent(e.path, contentDir)) : entries;
}

export function parseTree(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    const found = TREE_LINE.exec(record);
    if (!found) continue;
    const [, mode, type, blob, path] = found;
    if (type === 'blob' && isRegularFileMode(mode)) entries.push({ path, blob });
  }
  return entries;
}
