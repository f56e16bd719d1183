// The ladder and title model of one snapshot, in one place: ladder edges by their ends, the
// undirected neighbours the ladder page walks, families' children, and roles and families by
// titleKey. Career paths, the ladder selection and export, the lint rules and the GraphQL resolvers
// all ask this graph instead of building their own maps. Built once per snapshot on first use and
// dropped with it (WeakMap); snapshots never change, so the memo can never go stale.
import { familiesByTitle } from './ladder';
import { titleKey } from '../parse';
import type { LadderEdge, Role, Snapshot, SnapshotFamily } from './types';

export interface SnapshotGraph {
  /** Role id → role ids one step up the ladder (level order and ladder links), in edge order. */
  next: ReadonlyMap<string, readonly string[]>;
  /** Role id → role ids one step down. */
  previous: ReadonlyMap<string, readonly string[]>;
  /** Role id → the ladder edges starting there (to tell a LEVEL_ORDER step from a LADDER_LINK). */
  outgoing: ReadonlyMap<string, readonly LadderEdge[]>;
  /** Role id → role ids joined to it by an edge in either direction. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /** Family slug → the families whose parent it is, in snapshot order. */
  childrenOf: ReadonlyMap<string, readonly SnapshotFamily[]>;
  /** titleKey → roles with that title, in snapshot order. */
  rolesByTitle: ReadonlyMap<string, readonly Role[]>;
  /** titleKey → the job family with that title (first by slug on a clash); what ladder prose resolves to. */
  familyByTitle: ReadonlyMap<string, SnapshotFamily>;
}

const graphs = new WeakMap<Snapshot, SnapshotGraph>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function snapshotGraph(snapshot: Snapshot): SnapshotGraph {
  const known = graphs.get(snapshot);
  if (known) return known;
  const next = new Map<string, string[]>();
  const previous = new Map<string, string[]>();
  const outgoing = new Map<string, LadderEdge[]>();
  const neighbours = new Map<string, string[]>();
  for (const edge of snapshot.ladderEdges) {
    push(next, edge.from, edge.to);
    push(previous, edge.to, edge.from);
    push(outgoing, edge.from, edge);
    push(neighbours, edge.from, edge.to);
    push(neighbours, edge.to, edge.from);
  }
  const childrenOf = new Map<string, SnapshotFamily[]>();
  for (const family of snapshot.families) {
    if (family.parentSlug) push(childrenOf, family.parentSlug, family);
  }
  const rolesByTitle = new Map<string, Role[]>();
  for (const role of snapshot.roles) push(rolesByTitle, titleKey(role.title), role);
  const graph: SnapshotGraph = {
    next,
    previous,
    outgoing,
    neighbours,
    childrenOf,
    rolesByTitle,
    familyByTitle: familiesByTitle(snapshot.families),
  };
  graphs.set(snapshot, graph);
  return graph;
}

/**
 * Role ids reachable from `start` over ladder edges in either direction, through roles `keep`
 * accepts (`start` itself always counts).
 */
export function connectedRoles(snapshot: Snapshot, start: string, keep: (role: Role) => boolean = () => true): Set<string> {
  const { neighbours } = snapshotGraph(snapshot);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const id of neighbours.get(queue.pop()!) ?? []) {
      const role = snapshot.roleById.get(id);
      if (!seen.has(id) && role && keep(role)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}
