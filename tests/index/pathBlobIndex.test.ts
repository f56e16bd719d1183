import type { TimelineStep } from '../../src/git/types';
import { PathBlobIndex, stepDelta } from '../../src/index/pathBlobIndex';
import { isFamilyPath } from '../../src/parse/slug';
import { blobId, commitAt } from './realPages';
import { seed } from '../helpers/makeRepo';

const DIR = 'content/job-families/sales';
const isPage = (p: string) => isFamilyPath(p, 'content/job-families');
const A = blobId(seed('vp-of-commercial-sales.md'));
const B = blobId(seed('director-regional-sales.md'));
const C = blobId(seed('inside-sales-mid-market.md'));

const step = (position: number, changes: TimelineStep['changes']): TimelineStep => ({ commit: commitAt(position), changes });

// 10 commits: add two pages, rename one to a bundle, touch a non-page file, modify, delete.
const steps: TimelineStep[] = [
  step(0, [
    { status: 'A', oldPath: null, newPath: `${DIR}/vp.md`, oldBlob: null, newBlob: A },
    { status: 'A', oldPath: null, newPath: `${DIR}/director.md`, oldBlob: null, newBlob: B },
  ]),
  step(1, [{ status: 'R', oldPath: `${DIR}/vp.md`, newPath: `${DIR}/vp/index.md`, oldBlob: A, newBlob: A }]),
  step(2, [{ status: 'A', oldPath: null, newPath: `${DIR}/logo.png`, oldBlob: null, newBlob: C }]),
  step(3, []),
  step(4, [{ status: 'M', oldPath: `${DIR}/director.md`, newPath: `${DIR}/director.md`, oldBlob: B, newBlob: C }]),
  step(5, []),
  step(6, [{ status: 'D', oldPath: `${DIR}/director.md`, newPath: null, oldBlob: C, newBlob: null }]),
  step(7, [{ status: 'A', oldPath: null, newPath: `${DIR}/director.md`, oldBlob: null, newBlob: B }]),
  step(8, []),
  step(9, [{ status: 'R', oldPath: `${DIR}/vp/index.md`, newPath: `${DIR}/vp.md`, oldBlob: A, newBlob: B }]),
];

function naive(upTo: number): Map<string, string> {
  const map = new Map<string, string>();
  for (let p = 0; p <= upTo; p++) {
    for (const [path, blob] of stepDelta(steps[p], isPage)) {
      if (blob === null) map.delete(path);
      else map.set(path, blob);
    }
  }
  return map;
}

describe('PathBlobIndex', () => {
  it('keeps only page paths and applies renames as remove + add', () => {
    expect(stepDelta(steps[1], isPage)).toEqual([
      [`${DIR}/vp.md`, null],
      [`${DIR}/vp/index.md`, A],
    ]);
    expect(stepDelta(steps[2], isPage)).toEqual([]);
  });

  it('reconstructs every commit from checkpoints exactly as a full replay would', () => {
    for (const interval of [1, 3, 4, 256]) {
      const index = new PathBlobIndex(steps, isPage, interval);
      for (let p = 0; p < steps.length; p++) expect([...index.at(p)].sort()).toEqual([...naive(p)].sort());
    }
    const index = new PathBlobIndex(steps, isPage, 4);
    expect(index.at(6)).toEqual(new Map([[`${DIR}/vp/index.md`, A]]));
    expect(index.at(9)).toEqual(new Map([[`${DIR}/director.md`, B], [`${DIR}/vp.md`, B]]));
    expect(() => index.at(10)).toThrow(RangeError);
  });

  it('extended in pieces, answers every commit like a single build, and leaves the shorter index as it was', () => {
    for (const interval of [1, 3, 4]) {
      for (const cut of [1, 3, 4, 7, 9]) {
        const short = new PathBlobIndex(steps.slice(0, cut), isPage, interval);
        const before = [...Array(cut).keys()].map((p) => [...short.at(p)].sort());
        const long = short.extend(steps.slice(cut, cut + 2)).extend(steps.slice(cut + 2));
        expect(long.length).toBe(steps.length);
        for (let p = 0; p < steps.length; p++) expect([...long.at(p)].sort()).toEqual([...naive(p)].sort());
        expect([...long.atLast()].sort()).toEqual([...naive(steps.length - 1)].sort());
        expect(short.length).toBe(cut);
        expect([...Array(cut).keys()].map((p) => [...short.at(p)].sort())).toEqual(before);
        expect([...short.atLast()].sort()).toEqual([...naive(cut - 1)].sort());
        expect(() => short.at(cut)).toThrow(RangeError);
      }
    }
  });
});
