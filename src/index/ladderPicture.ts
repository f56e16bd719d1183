// What one view of the ladder draws: roles as boxes, or departments or families summarised as one
// box each (the overview levels), or roles with the families beyond a size drawn as one box each
// (or, when even that is too many, the departments) until they are expanded. Steps between roles stay role edges; a step with a summary box at an end
// is counted once per (from box, to box, kind). Pure; the page and the Mermaid/DOT exports draw the same.
import type { LadderChange } from './ladderCompare';
import { departmentOf, type LadderSelection } from './ladderSelection';
import type { LadderEdge, LadderEdgeKind, Role, Snapshot } from './types';

export type LadderLevel = 'DEPARTMENTS' | 'FAMILIES' | 'ROLES';
export type LadderGroupKind = 'DEPARTMENT' | 'FAMILY';

export interface LadderGroup {
  /** Box id: `department:<name>` or `family:<slug>`; never a role id (those hold `#`, these cannot). */
  id: string;
  kind: LadderGroupKind;
  /** The department name or the family slug. */
  key: string;
  title: string;
  department: string;
  lowestGrade: number | null;
  highestGrade: number | null;
  roleCount: number;
  familyCount: number;
  /** Changed roles inside (compare mode; 0 otherwise). */
  changeCount: number;
}

export interface LadderGroupEdge {
  /** Box ids: a role id or a group id. */
  from: string;
  to: string;
  kind: LadderEdgeKind;
  /** Role-to-role steps it stands for. */
  count: number;
}

export interface LadderPicture {
  level: LadderLevel;
  /** Roles drawn as their own box, in selection order. */
  nodes: Role[];
  /** Steps between two drawn roles. */
  edges: LadderEdge[];
  groups: LadderGroup[];
  groupEdges: LadderGroupEdge[];
  /** Compare mode: changes among what is drawn; `box` is the group holding the role, or null when it is drawn itself (or as a ghost). */
  changes: Array<LadderChange & { box: string | null }>;
}

export interface PictureOptions {
  level: LadderLevel;
  /**
   * ROLES only: more roles than this and every family not in `expanded` is drawn as one box; if that
   * is still more boxes than this, families outside the open departments are drawn one box per department.
   */
  collapseAbove?: number | null;
  /** Family slugs drawn role by role even when the picture collapses, and department names whose families stay one box each. */
  expanded?: ReadonlySet<string>;
  /** Compare mode: the changes in scope (removed roles included). */
  changes?: readonly LadderChange[];
}

export function departmentGroupId(name: string): string {
  return `department:${name}`;
}

export function familyGroupId(slug: string): string {
  return `family:${slug}`;
}

function newGroup(kind: LadderGroupKind, key: string, title: string): LadderGroup {
  return {
    id: kind === 'DEPARTMENT' ? departmentGroupId(key) : familyGroupId(key),
    kind,
    key,
    title,
    department: departmentOf(key),
    lowestGrade: null,
    highestGrade: null,
    roleCount: 0,
    familyCount: 0,
    changeCount: 0,
  };
}

export function ladderPicture(snapshot: Snapshot, selection: LadderSelection, options: PictureOptions): LadderPicture {
  const { level } = options;
  const limit = options.collapseAbove;
  const expanded = options.expanded ?? new Set<string>();
  const collapse = level === 'ROLES' && limit != null && selection.nodes.length > limit;
  // Still too many boxes with one per family: families outside the open departments (those of the
  // expanded families, and departments named in `expanded`) are summed up per department.
  let byDepartment = false;
  if (collapse) {
    const collapsedFamilies = new Set(selection.nodes.filter((r) => !expanded.has(r.familySlug)).map((r) => r.familySlug));
    const kept = selection.nodes.length - selection.nodes.filter((r) => collapsedFamilies.has(r.familySlug)).length;
    byDepartment = kept + collapsedFamilies.size > limit;
  }
  const openDepartments = new Set([...expanded].map(departmentOf));
  /** The group a role is summarised in, or null when it is drawn as itself. */
  const groupKeyOf = (familySlug: string): { kind: LadderGroupKind; key: string } | null => {
    if (level === 'DEPARTMENTS') return { kind: 'DEPARTMENT', key: departmentOf(familySlug) };
    if (level === 'FAMILIES') return { kind: 'FAMILY', key: familySlug };
    if (!collapse || expanded.has(familySlug)) return null;
    if (byDepartment && !openDepartments.has(departmentOf(familySlug))) return { kind: 'DEPARTMENT', key: departmentOf(familySlug) };
    return { kind: 'FAMILY', key: familySlug };
  };
  const groups = new Map<string, LadderGroup>();
  const families = new Map<string, Set<string>>();
  const boxOf = new Map<string, string>();
  const nodes: Role[] = [];
  for (const role of selection.nodes) {
    const at = groupKeyOf(role.familySlug);
    if (!at) {
      nodes.push(role);
      boxOf.set(role.id, role.id);
      continue;
    }
    const id = at.kind === 'DEPARTMENT' ? departmentGroupId(at.key) : familyGroupId(at.key);
    let group = groups.get(id);
    if (!group) {
      group = newGroup(at.kind, at.key, at.kind === 'FAMILY' ? (snapshot.familyBySlug.get(at.key)?.title || at.key) : at.key);
      groups.set(id, group);
      families.set(id, new Set());
    }
    group.roleCount += 1;
    families.get(id)!.add(role.familySlug);
    if (role.grade !== null) {
      group.lowestGrade = group.lowestGrade === null ? role.grade : Math.min(group.lowestGrade, role.grade);
      group.highestGrade = group.highestGrade === null ? role.grade : Math.max(group.highestGrade, role.grade);
    }
    boxOf.set(role.id, id);
  }
  for (const [id, slugs] of families) groups.get(id)!.familyCount = slugs.size;

  const edges: LadderEdge[] = [];
  const groupEdges = new Map<string, LadderGroupEdge>();
  for (const edge of selection.edges) {
    const from = boxOf.get(edge.from)!;
    const to = boxOf.get(edge.to)!;
    if (from === edge.from && to === edge.to) {
      edges.push(edge);
      continue;
    }
    if (from === to) continue; // a step inside one summary box
    const key = `${from}\0${to}\0${edge.kind}`;
    const held = groupEdges.get(key);
    if (held) held.count += 1;
    else groupEdges.set(key, { from, to, kind: edge.kind, count: 1 });
  }

  const changes: LadderPicture['changes'] = [];
  for (const change of options.changes ?? []) {
    const at = groupKeyOf(change.role.familySlug);
    const box = at ? (at.kind === 'DEPARTMENT' ? departmentGroupId(at.key) : familyGroupId(at.key)) : null;
    const group = box === null ? undefined : groups.get(box);
    if (group) group.changeCount += 1;
    changes.push({ ...change, box: group ? box : null });
  }
  return { level, nodes, edges, groups: [...groups.values()], groupEdges: [...groupEdges.values()], changes };
}
