// Which tree entries are pages: regular files only. A symlink (120000) would point outside the
// page's content, a submodule (160000) has none. Shared by ls-tree (tree.ts) and log --raw
// (rawLogParser.ts) so the two views of a commit never disagree about what a file is.

/** Regular files (100644, 100755, and the old group-writable 100664). */
const REGULAR_FILE_MODE = /^100[0-7]{3}$/;

export function isRegularFileMode(mode: string): boolean {
  return REGULAR_FILE_MODE.test(mode);
}
