// Which part of a snapshot's ladder graph `ladder(department:, family:, role:)` draws and exports:
// the roles of a department or of one family, or the roles connected to one role (either
// direction), or both; edges between them.
import { connectedRoles } from './snapshotGraph';
import type { LadderEdge, Role, Snapshot } from './types';

export interface LadderSelection {
  nodes: Role[];
  edges: LadderEdge[];
}

/** The department a family slug files under: its first folder (`sales/vp-of-sales` → `sales`). */
export function departmentOf(familySlug: string): string {
  return familySlug.split('/')[0]!;
}

/** Which roles a ladder keeps before it follows links; null or undefined keeps everything. */
export interface LadderScope {
  department?: string | null;
  family?: string | null;
}

export function inScope(familySlug: string, scope: LadderScope): boolean {
  return (scope.department == null || departmentOf(familySlug) === scope.department) && (scope.family == null || familySlug === scope.family);
}

/** `roleId` must exist in the snapshot (the resolver checks). Nodes keep snapshot order. */
export function selectLadder(snapshot: Snapshot, department: string | null | undefined, roleId: string | null | undefined, family?: string | null): LadderSelection {
  const scope: LadderScope = { department, family };
  const keep = roleId == null ? null : connectedRoles(snapshot, roleId, (role) => inScope(role.familySlug, scope));
  const nodes = snapshot.roles.filter((role) => (keep ? keep.has(role.id) : inScope(role.familySlug, scope)));
  const ids = new Set(nodes.map((role) => role.id));
  const edges = snapshot.ladderEdges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  return { nodes, edges };
}
