// Which role that left a family in a commit is the same role as one that arrived in it, retitled.
// A retitle changes the id (`family#slug of title`), so without this the history would read as a
// REMOVED and an unrelated ADDED. Content decides, never the title: real retitles ("Technical
// Account Manager" → "Customer Success Manager") share no words in their titles.
import type { Role } from '../parse';

/**
 * Least Jaccard overlap of the two roles' normalised responsibility and requirement items. Half:
 * a retitle that also rewrites a few bullets still passes, two different roles of one family
 * (which share some boilerplate bullets) do not.
 */
export const RENAME_MIN_OVERLAP = 0.5;
/** Most ladder positions a retitled role may shift (a new level inserted above it moves it by one). */
export const RENAME_MAX_ORDER_SHIFT = 1;

/** Bullet text compared case-, space- and punctuation-blind, so a reworded comma is no new item. */
export function normaliseItem(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function itemSet(role: Role): Set<string> {
  return new Set([...role.responsibilities, ...role.requirements].map(normaliseItem).filter((t) => t !== ''));
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (nothing to go on is no evidence). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * The similarity of a candidate pair, or null when it is no candidate: the items must overlap by
 * RENAME_MIN_OVERLAP, and the role must sit where it sat (ladder order within one step) or keep
 * its stated grade.
 */
export function renameScore(before: Role, after: Role): number | null {
  const overlap = jaccard(itemSet(before), itemSet(after));
  if (overlap < RENAME_MIN_OVERLAP) return null;
  const samePlace = Math.abs(before.order - after.order) <= RENAME_MAX_ORDER_SHIFT;
  const sameGrade = before.grade !== null && before.grade === after.grade;
  return samePlace || sameGrade ? overlap : null;
}

/**
 * Pairs of (removed, added) roles that are one role retitled. A pair is kept only when each is the
 * other's single best candidate: a tie on either side is ambiguous, and both stay REMOVED + ADDED.
 */
export function matchRetitles(removed: readonly Role[], added: readonly Role[]): Array<[before: Role, after: Role]> {
  const scores = removed.map((r) => added.map((a) => renameScore(r, a)));
  const bestOf = (values: ReadonlyArray<number | null>): number | null => {
    let best: number | null = null;
    let index: number | null = null;
    values.forEach((v, i) => {
      if (v === null) return;
      if (best === null || v > best) {
        best = v;
        index = i;
      } else if (v === best) index = null; // tie: ambiguous
    });
    return index;
  };
  const pairs: Array<[Role, Role]> = [];
  removed.forEach((r, i) => {
    const j = bestOf(scores[i]);
    if (j === null) return;
    if (bestOf(scores.map((row) => row[j])) === i) pairs.push([r, added[j]]);
  });
  return pairs;
}
