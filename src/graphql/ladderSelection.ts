// Which part of a snapshot's ladder graph `ladder(department:, role:)` draws: the roles of a
// department, or the roles connected to one role (either direction), or both; edges between them.
import type { LadderEdge, Role, Snapshot } from '../index/types';

export interface LadderSelection {
  nodes: Role[];
  edges: LadderEdge[];
}

function inDepartment(role: Role, department: string | null | undefined): boolean {
  return department == null || role.familySlug.split('/')[0] === department;
}

/** Role ids reachable from `start` over edges in either direction, staying inside the department. */
function component(snapshot: Snapshot, start: string, department: string | null | undefined): Set<string> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of snapshot.ladderEdges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of neighbours.get(queue.pop()!) ?? []) {
      const role = snapshot.roleById.get(next);
      if (!seen.has(next) && role && inDepartment(role, department)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** `roleId` must exist in the snapshot (the resolver checks). Nodes keep snapshot order. */
export function selectLadder(snapshot: Snapshot, department: string | null | undefined, roleId: string | null | undefined): LadderSelection {
  const keep = roleId == null ? null : component(snapshot, roleId, department);
  const nodes = snapshot.roles.filter((role) => (keep ? keep.has(role.id) : inDepartment(role, department)));
  const ids = new Set(nodes.map((role) => role.id));
  const edges = snapshot.ladderEdges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  return { nodes, edges };
}
