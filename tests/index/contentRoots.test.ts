// The per-commit choice of content folder, over hand-written timeline steps (plain data: the git
// layer's output shape), so every case reads as the commits it stands for.
import type { CommitInfo, PathChange, TimelineStep } from '../../src/git/types';
import { entriesOfBestRoot, followContentRoots } from '../../src/index/contentRoots';
import { isFamilyPath } from '../../src/parse/slug';

const isPage = (p: string): boolean => isFamilyPath(p);
const MKT = 'sites/marketing/source/job-families';
const NEW = 'content/job-families';

function commit(position: number): CommitInfo {
  const sha = String(position).padStart(40, '0');
  return { sha, position, message: `c${position}`, authorName: 'a', authorEmail: 'a@example.com', date: '2021-01-01T00:00:00Z', parents: [] };
}
const add = (path: string, blob: string): PathChange => ({ status: 'A', oldPath: null, newPath: path, oldBlob: null, newBlob: blob });
const mod = (path: string, from: string, to: string): PathChange => ({ status: 'M', oldPath: path, newPath: path, oldBlob: from, newBlob: to });
const del = (path: string, blob: string): PathChange => ({ status: 'D', oldPath: path, newPath: null, oldBlob: blob, newBlob: null });
const ren = (from: string, to: string, blob: string): PathChange => ({ status: 'R', oldPath: from, newPath: to, oldBlob: blob, newBlob: blob });
const steps = (...changes: PathChange[][]): TimelineStep[] => changes.map((c, i) => ({ commit: commit(i), changes: c }));

describe('followContentRoots', () => {
  it('keeps a single folder as it is, and drops everything outside it', () => {
    const { steps: out, roots } = followContentRoots(
      steps([add(`${MKT}/sales/a/index.html.md`, 'a1'), add('README.md', 'r')], [mod(`${MKT}/sales/a/index.html.md`, 'a1', 'a2')]),
      isPage,
    );
    expect(out[0].changes).toEqual([add(`${MKT}/sales/a/index.html.md`, 'a1')]);
    expect(out[1].changes).toEqual([mod(`${MKT}/sales/a/index.html.md`, 'a1', 'a2')]);
    expect(roots.current).toBe(MKT);
  });

  it('ignores a stray folder with fewer pages, whatever it does', () => {
    const { steps: out } = followContentRoots(
      steps(
        [add(`${MKT}/sales/a.html.md`, 'a'), add(`${MKT}/sales/b.html.md`, 'b')],
        [add('layouts/shortcodes/job-families/sales/performance.md', 'p')],
      ),
      isPage,
    );
    expect(out[1].changes).toEqual([]);
  });

  it('turns a move in one commit into the old folder removed and the new one added', () => {
    const { steps: out, roots } = followContentRoots(
      steps(
        [add(`${MKT}/sales/a.html.md`, 'a'), add(`${MKT}/sales/b.html.md`, 'b'), add(`${MKT}/sales/logo.png`, 'img')],
        [ren(`${MKT}/sales/a.html.md`, `${NEW}/sales/a.md`, 'a'), ren(`${MKT}/sales/b.html.md`, `${NEW}/sales/b.md`, 'b')],
      ),
      isPage,
    );
    // The logo stays behind: after the move the marketing folder holds no page and loses.
    expect(out[1].changes).toEqual([
      del(`${MKT}/sales/a.html.md`, 'a'),
      del(`${MKT}/sales/b.html.md`, 'b'),
      del(`${MKT}/sales/logo.png`, 'img'),
      add(`${NEW}/sales/a.md`, 'a'),
      add(`${NEW}/sales/b.md`, 'b'),
    ]);
    expect(roots.current).toBe(NEW);
    expect(roots.pages).toEqual(new Map([[MKT, 0], [NEW, 2]]));
  });

  it('stays with the folder it has on a tie, and switches when the other has more pages', () => {
    const { steps: out } = followContentRoots(
      steps(
        [add(`${MKT}/sales/a.html.md`, 'a1')],
        // A copy edited on the way: the tie keeps the old folder, so this commit shows nothing.
        [add(`${NEW}/sales/a.md`, 'a2')],
        // The old copy edited, then removed along with a new page: the new folder wins.
        [mod(`${MKT}/sales/a.html.md`, 'a1', 'a3')],
        [del(`${MKT}/sales/a.html.md`, 'a3'), add(`${NEW}/sales/b.md`, 'b')],
      ),
      isPage,
    );
    expect(out[1].changes).toEqual([]);
    expect(out[2].changes).toEqual([mod(`${MKT}/sales/a.html.md`, 'a1', 'a3')]);
    // The old folder as it stood before this commit (a3) goes; the new one as it stands after comes.
    expect(out[3].changes).toEqual([del(`${MKT}/sales/a.html.md`, 'a3'), add(`${NEW}/sales/a.md`, 'a2'), add(`${NEW}/sales/b.md`, 'b')]);
  });

  it('continues from a previous pass without changing what that pass returned', () => {
    const first = followContentRoots(steps([add(`${MKT}/sales/a.html.md`, 'a')]), isPage);
    const held = new Map(first.roots.files.get(MKT));
    const more = followContentRoots([{ commit: commit(1), changes: [ren(`${MKT}/sales/a.html.md`, `${NEW}/sales/a.md`, 'a')] }], isPage, first.roots);
    expect(more.steps[0].changes).toEqual([del(`${MKT}/sales/a.html.md`, 'a'), add(`${NEW}/sales/a.md`, 'a')]);
    expect(first.roots.current).toBe(MKT);
    expect(first.roots.files.get(MKT)).toEqual(held);
    expect(first.roots.files.has(NEW)).toBe(false);
  });
});

describe('entriesOfBestRoot', () => {
  it('keeps the entries of the folder with the most pages', () => {
    const entries = [
      { path: `${NEW}/sales/a.md`, blob: '1' },
      { path: `${NEW}/sales/b.md`, blob: '2' },
      { path: 'layouts/job-families/x.md', blob: '3' },
      { path: 'README.md', blob: '4' },
    ];
    expect(entriesOfBestRoot(entries, isPage).map((e) => e.blob)).toEqual(['1', '2']);
    expect(entriesOfBestRoot([{ path: 'README.md', blob: '4' }], isPage)).toEqual([]);
  });
});
