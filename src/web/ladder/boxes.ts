// What the page draws, as plain data: one box per role, summary group or removed role (a ghost in
// compare mode), each with the label the graph and the text alternative both show, and the links
// between boxes. Pure, so the graph and the list cannot disagree and Node tests can read it.
import { gradeText, nodeLabel } from './text';
import type { ChangeAspect, ChangeKind, Ladder, LadderEdgeKind, LadderGroup, LadderParams } from './types';

export type BoxKind = 'department' | 'family' | 'role' | 'ghost';

export interface Box {
  /** The cytoscape id: a role's global id, or the group's id. */
  id: string;
  kind: BoxKind;
  label: string;
  /** Its layer: the role's grade, a family's highest grade, 0 for a department (its roles span every grade: one row, below any role); null places it by its links. */
  grade: number | null;
  /** Family slug for roles and ghosts (their frame); the box's own id for summary groups. */
  band: string;
  /** Title of the family a role belongs to (the frame's label); null for groups. */
  familyTitle: string | null;
  department: string;
  change: ChangeKind | null;
  /** What opening the box shows. */
  opens: Partial<LadderParams>;
}

export interface Link {
  id: string;
  from: string;
  to: string;
  kind: LadderEdgeKind;
  /** Role-to-role steps it stands for. */
  count: number;
  /** A step with a summary box at an end: drawn faint, so the overview does not read as a hairball. */
  summary: boolean;
}

const ASPECT_WORDS: Record<ChangeAspect, string> = {
  ADDED: 'added',
  REMOVED: 'removed',
  RETITLED: 'retitled',
  MOVED: 'moved',
  REGRADED: 'regraded',
  RELINKED: 'relinked',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "grades 7–9", "grade 7", "no grade". */
export function gradeRange(low: number | null, high: number | null): string {
  if (low === null || high === null) return 'no grade';
  return low === high ? `grade ${low}` : `grades ${low}–${high}`;
}

/** "Sales Engineer · grades 5–9 · 4 roles", "sales · 62 families · 250 roles"; in compare mode "· 3 changed". */
export function groupLabel(group: LadderGroup, comparing: boolean): string {
  const parts =
    group.kind === 'DEPARTMENT'
      ? [group.title, plural(group.familyCount, 'family', 'families'), plural(group.roleCount, 'role', 'roles')]
      : [group.title, gradeRange(group.lowestGrade, group.highestGrade), plural(group.roleCount, 'role', 'roles')];
  if (comparing && group.changeCount > 0) parts.push(`${group.changeCount} changed`);
  return parts.join(' · ');
}

function departmentOf(familySlug: string): string {
  return familySlug.split('/')[0] ?? familySlug;
}

export function boxesOf(ladder: Ladder): { boxes: Box[]; links: Link[] } {
  const comparing = ladder.changeSummary != null;
  const changeOf = new Map<string, { change: ChangeKind; aspects: ChangeAspect[] }>();
  for (const c of ladder.changes ?? []) if (c.group === null && c.change !== 'REMOVED') changeOf.set(c.role.key, c);
  const boxes: Box[] = [];
  const keyToId = new Map<string, string>();
  for (const node of ladder.nodes) {
    keyToId.set(node.key, node.id);
    const change = changeOf.get(node.key);
    boxes.push({
      id: node.id,
      kind: 'role',
      label: change ? `${nodeLabel(node)} · ${change.aspects.map((a) => ASPECT_WORDS[a]).join(', ')}` : nodeLabel(node),
      grade: node.grade,
      band: node.family.slug,
      familyTitle: node.family.title,
      department: departmentOf(node.family.slug),
      change: change?.change ?? null,
      opens: { role: node.key },
    });
  }
  for (const c of ladder.changes ?? []) {
    if (c.change !== 'REMOVED' || c.group !== null) continue;
    boxes.push({
      id: c.role.id,
      kind: 'ghost',
      label: `${c.role.title} · ${gradeText(c.role.grade)} · removed`,
      grade: c.role.grade,
      band: c.role.family.slug,
      familyTitle: c.role.family.title,
      department: departmentOf(c.role.family.slug),
      change: 'REMOVED',
      opens: { family: c.role.family.slug },
    });
  }
  // Summary boxes after the roles: the families opened come first on the shelves.
  for (const group of ladder.groups ?? []) {
    boxes.push({
      id: group.id,
      kind: group.kind === 'DEPARTMENT' ? 'department' : 'family',
      label: groupLabel(group, comparing),
      grade: group.kind === 'DEPARTMENT' ? 0 : group.highestGrade,
      band: group.id,
      familyTitle: null,
      department: group.department,
      change: comparing && group.changeCount > 0 ? 'MODIFIED' : null,
      opens: group.kind === 'DEPARTMENT' ? { department: group.key } : { family: group.key },
    });
  }
  const links: Link[] = ladder.edges.map((edge, i) => ({ id: `edge-${i}`, from: edge.from.id, to: edge.to.id, kind: edge.kind, count: 1, summary: false }));
  (ladder.groupEdges ?? []).forEach((edge, i) => {
    links.push({ id: `group-edge-${i}`, from: keyToId.get(edge.from) ?? edge.from, to: keyToId.get(edge.to) ?? edge.to, kind: edge.kind, count: edge.count, summary: true });
  });
  return { boxes, links };
}
