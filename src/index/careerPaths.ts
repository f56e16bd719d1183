// Moves through the ladder graph of one snapshot: the next and previous roles of a role, and the
// shortest career paths between two roles. Pure; the adjacency is the snapshot's graph (snapshotGraph).
import { snapshotGraph } from './snapshotGraph';
import type { Snapshot } from './types';

/** More shortest paths than this are not useful to a reader and can grow combinatorially. */
export const MAX_CAREER_PATHS = 10;

/** Role ids one step up the ladder from `roleId` (level order and ladder links). */
export function nextRoles(snapshot: Snapshot, roleId: string): readonly string[] {
  return snapshotGraph(snapshot).next.get(roleId) ?? [];
}

/** Role ids one step below `roleId`. */
export function previousRoles(snapshot: Snapshot, roleId: string): readonly string[] {
  return snapshotGraph(snapshot).previous.get(roleId) ?? [];
}

/**
 * All shortest paths from `fromId` to `toId` (each a list of role ids, both ends included), at most
 * `limit`, in a stable order. [] when either role is unknown or there is no path.
 */
export function careerPaths(snapshot: Snapshot, fromId: string, toId: string, limit = MAX_CAREER_PATHS): string[][] {
  if (!snapshot.roleById.has(fromId) || !snapshot.roleById.has(toId) || limit <= 0) return [];
  if (fromId === toId) return [[fromId]];
  const { next } = snapshotGraph(snapshot);
  // BFS recording, for each role, every predecessor on some shortest path.
  const depth = new Map<string, number>([[fromId, 0]]);
  const preds = new Map<string, string[]>();
  let frontier = [fromId];
  while (frontier.length > 0 && !depth.has(toId)) {
    const following: string[] = [];
    for (const id of frontier) {
      const d = depth.get(id)!;
      for (const n of next.get(id) ?? []) {
        const seen = depth.get(n);
        if (seen === undefined) {
          depth.set(n, d + 1);
          preds.set(n, [id]);
          following.push(n);
        } else if (seen === d + 1) {
          preds.get(n)!.push(id);
        }
      }
    }
    frontier = following;
  }
  if (!depth.has(toId)) return [];
  // Walk back from the target; stop once `limit` paths are complete.
  const paths: string[][] = [];
  const walk = (id: string, suffix: string[]): void => {
    if (paths.length >= limit) return;
    if (id === fromId) {
      paths.push([fromId, ...suffix]);
      return;
    }
    for (const p of preds.get(id) ?? []) walk(p, [id, ...suffix]);
  };
  walk(toId, []);
  return paths.sort(comparePaths);
}

function comparePaths(a: string[], b: string[]): number {
  const x = a.join('\n');
  const y = b.join('\n');
  return x < y ? -1 : x > y ? 1 : 0;
}
