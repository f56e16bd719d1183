// Files under the content folder at one commit: `git ls-tree -r -z`. Regular files only — a
// symlink (mode 120000) would point outside the page's content, a submodule (160000) has none.
import { isRegularFileMode } from './fileMode';
import { withGit } from './gitClient';
import type { TreeEntry } from './types';
import { assertCommitId, normalizeContentDir } from './validate';

/** One `ls-tree -z` record: `<mode> <type> <object>\t<path>`. */
const TREE_LINE = /^([0-7]{6}) (\w+) ([0-9a-f]{40,64})\t([\s\S]+)$/;

export async function readTree(gitDir: string, commit: string, contentDir: string): Promise<TreeEntry[]> {
  const sha = assertCommitId(commit);
  const dir = normalizeContentDir(contentDir);
  const listed = await withGit({ gitDir, op: 'ls-tree' }, (git) =>
    git.raw(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', sha, '--', dir]),
  );
  return parseTree(listed);
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
