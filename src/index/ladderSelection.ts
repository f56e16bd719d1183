// Which part of a snapshot's ladder graph `ladder(department:, role:)` draws and exports: the roles
// of a department, or the roles connected to one role (either direction), or both; edges between them.
import { connectedRoles } from './snapshotGraph';
import type { LadderEdge, Role, Snapshot } from './types';

export interface LadderSelection {
  nodes: Role[];
  edges: LadderEdge[];
}

function inDepartment(role: Role, department: string | null | undefined): boolean {
  return department == null || role.familySlug.split('/')[0] === department;
}

/** `roleId` must exist in the snapshot (the resolver checks). Nodes keep snapshot order. */
export function selectLadder(snapshot: Snapshot, department: string | null | undefined, roleId: string | null | undefined): LadderSelection {
  const keep = roleId == null ? null : connectedRoles(snapshot, roleId, (role) => inDepartment(role, department));
  const nodes = snapshot.roles.filter((role) => (keep ? keep.has(role.id) : inDepartment(role, department)));
  const ids = new Set(nodes.map((role) => role.id));
  const edges = snapshot.ladderEdges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  return { nodes, edges };
}
