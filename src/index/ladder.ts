// The ladder graph of a snapshot: where a role can move next. Two kinds of edge:
//  - LEVEL_ORDER: consecutive roles of one family, ordered by grade (ties by document order);
//  - LADDER_LINK: a family's career-ladder section names another family (by link, resolved by slug,
//    or in unlinked prose, resolved by the family's title compared by titleKey). The section
//    belongs to the family, not to one role, and does not say which level one enters at, so every
//    role of family A gets an edge to the ENTRY role of family B: its lowest-graded role, or its
//    first role when none has a grade.
import type { JobFamily, Role } from '../parse';
import { titleKey } from '../parse';
import type { LadderEdge } from './types';

/** Lowest grade, else the first role in document order; null for a family without roles. */
export function entryRole(family: Pick<JobFamily, 'roles'>): Role | null {
  let best: Role | null = null;
  for (const role of family.roles) {
    if (role.grade === null) continue;
    if (!best || role.grade < best.grade! || (role.grade === best.grade && role.order < best.order)) best = role;
  }
  return best ?? family.roles[0] ?? null;
}

/**
 * Roles of a family in level order. A role without a grade takes the grade of the nearest graded
 * role before it in the document (an "Intern" written before "Junior" stays before it); leading
 * ungraded roles come first. Ties keep document order.
 */
export function levelOrder(roles: readonly Role[]): Role[] {
  const byOrder = [...roles].sort((a, b) => a.order - b.order);
  let carried = -Infinity;
  const keyed = byOrder.map((role, index) => {
    if (role.grade !== null) carried = role.grade;
    return { role, key: role.grade ?? carried, index };
  });
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.role);
}

/** Resolves a ladder link to a family slug: by its target slug, else by the title it mentions. */
export function resolveLadderTarget(
  link: JobFamily['careerLadder'][number],
  bySlug: ReadonlyMap<string, JobFamily>,
  byTitle: ReadonlyMap<string, JobFamily>,
): JobFamily | null {
  if (link.target) return bySlug.get(link.target) ?? null;
  return byTitle.get(titleKey(link.text)) ?? null;
}

/** Job families by titleKey; on a clash the first by slug wins (families come sorted). */
export function familiesByTitle<F extends JobFamily>(families: readonly F[]): Map<string, F> {
  const out = new Map<string, F>();
  for (const family of families) {
    if (family.kind !== 'family') continue;
    const key = titleKey(family.title);
    if (key !== '' && !out.has(key)) out.set(key, family);
  }
  return out;
}

/**
 * A family's own edges, kept per family object: snapshots one commit apart share the SnapshotFamily
 * objects of unchanged pages, so only changed families (or families whose link targets' entry
 * roles moved) are recomputed — the ladder of a 1,500-family head is otherwise ~100,000 edges.
 */
interface FamilyEdges {
  level: LadderEdge[];
  /** Entry role id per career-ladder link ('' when unresolved): what `links` was built for. */
  targets: string;
  links: LadderEdge[];
}
const edgesByFamily = new WeakMap<JobFamily, FamilyEdges>();

export function buildLadderEdges(families: readonly JobFamily[], bySlug: ReadonlyMap<string, JobFamily>): LadderEdge[] {
  const byTitle = familiesByTitle(families);
  const perFamily = families.map((family) => familyEdges(family, bySlug, byTitle));
  // All level-order edges first, then all ladder links, as readers have always seen them.
  const edges: LadderEdge[] = [];
  for (const own of perFamily) for (const edge of own.level) edges.push(edge);
  for (const own of perFamily) for (const edge of own.links) edges.push(edge);
  return edges;
}

function familyEdges(family: JobFamily, bySlug: ReadonlyMap<string, JobFamily>, byTitle: ReadonlyMap<string, JobFamily>): FamilyEdges {
  const entries: string[] = [];
  if (family.roles.length > 0) {
    for (const link of family.careerLadder) {
      const target = resolveLadderTarget(link, bySlug, byTitle);
      // A same-family anchor (`/job-families/marketing/#manager`) is not a move to another family.
      entries.push(target && target.slug !== family.slug ? (entryRole(target)?.id ?? '') : '');
    }
  }
  const targets = entries.join('\0');
  const held = edgesByFamily.get(family);
  if (held && held.targets === targets) return held;
  // Every edge starts at one of this family's roles, so duplicates can only come from this family.
  const seen = new Set<string>();
  const add = (list: LadderEdge[], from: string, to: string, kind: LadderEdge['kind']): void => {
    const key = `${from}\0${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    list.push(Object.freeze({ from, to, kind }));
  };
  const level: LadderEdge[] = [];
  const ordered = levelOrder(family.roles);
  for (let i = 1; i < ordered.length; i++) add(level, ordered[i - 1].id, ordered[i].id, 'LEVEL_ORDER');
  const links: LadderEdge[] = [];
  for (const entry of entries) {
    if (entry === '') continue;
    for (const role of family.roles) add(links, role.id, entry, 'LADDER_LINK');
  }
  const own = { level, targets, links };
  edgesByFamily.set(family, own);
  return own;
}
