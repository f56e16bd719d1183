// What each role id and family slug at one commit is called at another, from the history's rename
// events (retitles, family moves) between them: A → B → C composes to A → C, and read backwards
// (a diff from a newer to an older commit) C → A. Pure; the diff pairs roles and families by it.
import type { RenameEvent } from './types';

export interface RenameMap {
  /** Role id at `from` → its id at `to`, for the roles renamed in between. */
  roles: ReadonlyMap<string, string>;
  /** Family slug at `from` → its slug at `to`, for the family pages moved in between. */
  families: ReadonlyMap<string, string>;
}

export const NO_RENAMES: RenameMap = { roles: new Map(), families: new Map() };

/**
 * The renames between timeline positions `from` and `to` (either order). A commit off the timeline
 * (position < 0) has no place among the events: nothing is composed, ids pair only as they are.
 */
export function renamesBetween(events: readonly RenameEvent[], from: number, to: number): RenameMap {
  if (from < 0 || to < 0 || from === to) return NO_RENAMES;
  const forward = from < to;
  const [low, high] = forward ? [from, to] : [to, from];
  const inRange = events.filter((e) => e.position > low && e.position <= high);
  const ordered = forward ? inRange : inRange.slice().reverse();
  const roles = new Map<string, string>();
  const families = new Map<string, string>();
  for (const event of ordered) {
    const [was, now] = forward ? [event.from, event.to] : [event.to, event.from];
    follow(event.kind === 'role' ? roles : families, was, now);
  }
  for (const map of [roles, families]) for (const [key, value] of map) if (key === value) map.delete(key);
  return { roles, families };
}

/** Every name that reached `was` now reaches `now`; a name seen for the first time starts a path. */
function follow(map: Map<string, string>, was: string, now: string): void {
  let reached = false;
  for (const [key, value] of map) {
    if (value === was) {
      map.set(key, now);
      reached = true;
    }
  }
  if (!reached && !map.has(was)) map.set(was, now);
}
