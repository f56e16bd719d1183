// Per-item blame of a role's responsibilities and requirements: the commit where each bullet first
// appeared in the role's chain (through retitles and moves) and the commit of its last edit.
// Computed once per version while the chains are built, from the version before it.
import type { CommitInfo } from '../git';
import type { ListItem, Role } from '../parse';
import { jaccard, normaliseItem } from './roleMatch';

export interface ItemBlame {
  /** The bullet as a line: nested bullets as `parent › child` (the same keys as field changes). */
  key: string;
  since: CommitInfo;
  lastChanged: CommitInfo;
}

export interface RoleBlame {
  responsibilities: readonly ItemBlame[];
  requirements: readonly ItemBlame[];
}

/**
 * Least word overlap for an unmatched new bullet to count as an edit of an unmatched old one
 * (keeping its `since`) rather than a new bullet.
 */
export const EDIT_MIN_OVERLAP = 0.5;

/** Bullets and their nested bullets as lines, `parent › child`, in page order. */
export function itemKeys(items: readonly ListItem[]): string[] {
  const out: string[] = [];
  // Into one list: a list per bullet (nearly all have no children) was garbage a build made per version.
  const add = (list: readonly ListItem[], prefix: string): void => {
    for (const item of list) {
      const key = prefix === '' ? item.text : `${prefix} › ${item.text}`;
      out.push(key);
      if (item.children.length > 0) add(item.children, key);
    }
  };
  add(items, '');
  return out;
}

const words = (text: string): Set<string> => new Set(normaliseItem(text).split(' ').filter((w) => w !== ''));

function blameList(keys: readonly string[], previous: readonly ItemBlame[], commit: CommitInfo): readonly ItemBlame[] {
  // Unchanged bullets first (as a multiset, so a duplicated bullet keeps each copy's history).
  const pool = new Map<string, ItemBlame[]>();
  for (const entry of previous) {
    const list = pool.get(entry.key);
    if (list) list.push(entry);
    else pool.set(entry.key, [entry]);
  }
  const out: Array<ItemBlame | null> = keys.map((key) => pool.get(key)?.shift() ?? null);
  // Every bullet kept, in the same order: the list before, shared.
  if (out.length === previous.length && out.every((kept, i) => kept === previous[i])) return previous;
  const leftovers = [...pool.values()].flat();
  // Each leftover's words once (on the first edited bullet), not once per new bullet compared with
  // it: re-split in the loop, `words` was the warm restart's hottest function. Kept in step with `leftovers`.
  let leftoverWords: Array<Set<string>> | undefined;
  return out.map((kept, i) => {
    if (kept) return kept;
    if (leftovers.length === 0) return { key: keys[i], since: commit, lastChanged: commit };
    leftoverWords ??= leftovers.map((old) => words(old.key));
    // An edited bullet: the most similar old bullet nobody kept, when similar enough.
    const key = keys[i];
    const mine = words(key);
    let best = -1;
    let bestScore = EDIT_MIN_OVERLAP;
    leftoverWords.forEach((theirs, j) => {
      const score = jaccard(mine, theirs);
      if (score >= bestScore) {
        best = j;
        bestScore = score;
      }
    });
    if (best < 0) return { key, since: commit, lastChanged: commit };
    const [old] = leftovers.splice(best, 1);
    leftoverWords.splice(best, 1);
    return { key, since: old.since, lastChanged: commit };
  });
}

/** The blame of `role` as `commit` left it, continuing `previous` (the chain's version before). */
export function blameRole(role: Role, previous: RoleBlame | undefined, commit: CommitInfo): RoleBlame {
  const responsibilities = blameList(itemKeys(role.responsibilityItems), previous?.responsibilities ?? [], commit);
  const requirements = blameList(itemKeys(role.requirementItems), previous?.requirements ?? [], commit);
  // Most commits leave a role's bullets as they were: the version before's blame, not a copy of it
  // (a 20k history has ~40,000 versions, each with two lists).
  if (previous && responsibilities === previous.responsibilities && requirements === previous.requirements) return previous;
  return { responsibilities, requirements };
}
