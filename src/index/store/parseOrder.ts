// The order a build reads and parses the page versions it lacks. Two readers pull opposite ways:
// - the parser wants a page's versions one after another (its section memo and the interner's role
//   memo hit when the version before was parsed moments ago on the same thread);
// - `git cat-file` wants the history's order. A pack stores objects newest first and deltifies each
//   blob against whichever blob it found most alike, often another page of the same era: the bench's
//   20k repository has 35,114 deltified blobs of which 9 are against a version of their own path.
//   Read path by path across the whole history, every blob rebuilds its chain through bases that
//   git's delta base cache (96 MB by default) had evicted: cat-file took 17-18 s of CPU for the
//   20k history's 36,000 blobs, against 2.2-2.9 s in history order, on a 2-core machine where that
//   CPU is the parse's.
// So the history is cut into windows of consecutive versions and sorted by path within each: git's
// working set is one window's slice of the history, and a page's versions stay together within it
// (bench/ANALYSIS.md, issue 15 target 1).

/**
 * Page versions per window. cat-file over the 20k repository's blobs in path order within windows of
 * 2,000 to 10,000 versions took 2.5-2.6 s of CPU (history order 2.5), 20,000 took 5.0 and one
 * window 18. Each window costs the parser one full parse per page, so they are as long as git allows.
 */
export const PARSE_WINDOW_PAGES = 10_000;

/**
 * `pages` (in the history's order, oldest first) cut into windows of `windowPages` consecutive
 * versions, each window sorted by path; a path's versions keep their order.
 */
export function parseOrder<T extends { path: string }>(pages: readonly T[], windowPages = PARSE_WINDOW_PAGES): T[] {
  if (!(windowPages >= 1)) throw new RangeError(`parseOrder: a window holds at least one page, not ${windowPages}`);
  const out: T[] = [];
  for (let start = 0; start < pages.length; start += windowPages) {
    // Array.prototype.sort is stable: a path's versions stay in the history's order.
    const window = pages.slice(start, start + windowPages).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const page of window) out.push(page);
  }
  return out;
}

/**
 * `pages` in consecutive slices of at most `size`, cut where the path changes: a slice holds whole
 * runs of a path's versions, so the thread that parses a slice parsed the version before each of its
 * pages itself, and its memos hit (a run cut in two leaves the second half's thread without the
 * first half's sections: one full parse more). A run longer than `size` is cut at `size`; a slice
 * smaller than `size / 2` is never ended by a path change, so short runs cannot make slices tiny.
 */
export function sliceAtPaths<T extends { path: string }>(pages: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`sliceAtPaths: a slice holds at least one page, not ${size}`);
  const slices: T[][] = [];
  let start = 0;
  while (start < pages.length) {
    let end = Math.min(start + size, pages.length);
    if (end < pages.length) {
      // Back to where the last path of the slice began, unless that leaves less than half a slice.
      let cut = end;
      while (cut > start && pages[cut - 1]!.path === pages[end]!.path) cut -= 1;
      if (cut - start >= size / 2) end = cut;
    }
    slices.push(pages.slice(start, end));
    start = end;
  }
  return slices;
}
