// What changed on the ladder between two snapshots, role by role: the picture `ladder(from:, to:)`
// marks. Pure. The structural diff (diff.ts, given the renames of the role chains) pairs a retitled
// role or a moved family's roles across their new ids, so a retitle is one change, not a removal
// and an addition. Only what the ladder shows counts: a role added, removed, retitled or moved,
// regraded, or relinked (the families its career-ladder links lead to changed). Reworded bullets
// are the diff's business, not the ladder's.
import { inScope, type LadderScope, type LadderSelection } from './ladderSelection';
import { snapshotGraph } from './snapshotGraph';
import type { ChangeKind, Role, Snapshot, SnapshotDiff } from './types';

export type LadderChangeAspect = 'ADDED' | 'REMOVED' | 'RETITLED' | 'MOVED' | 'REGRADED' | 'RELINKED';

export interface LadderChange {
  /** The role at `to`; at `from` for a REMOVED one. */
  role: Role;
  change: ChangeKind;
  /** What about it changed, in LADDER_ASPECTS order; never empty. */
  aspects: LadderChangeAspect[];
}

/** The order aspects are listed and summarised in. */
export const LADDER_ASPECTS: readonly LadderChangeAspect[] = ['ADDED', 'REMOVED', 'RETITLED', 'MOVED', 'REGRADED', 'RELINKED'];

/** The families a role's career-ladder links lead to, as slugs at `to` (`rename` maps a `from`-side role id). */
function linkedFamilies(snapshot: Snapshot, roleId: string, rename: (id: string) => string): Set<string> {
  const out = new Set<string>();
  for (const edge of snapshotGraph(snapshot).outgoing.get(roleId) ?? []) {
    if (edge.kind !== 'LADDER_LINK') continue;
    const target = rename(edge.to);
    out.add(target.slice(0, target.indexOf('#')));
  }
  return out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** `difference` must be diff(from, to) with the renames between them (IndexView.diff). Sorted by role id. */
export function compareLadder(from: Snapshot, to: Snapshot, difference: SnapshotDiff): LadderChange[] {
  const toId = new Map<string, string>();
  const fromId = new Map<string, string>();
  for (const change of difference.roles) {
    if (change.change === 'MOVED' && change.before && change.after) {
      toId.set(change.before.id, change.after.id);
      fromId.set(change.after.id, change.before.id);
    }
  }
  const rename = (id: string): string => toId.get(id) ?? id;
  const out: LadderChange[] = [];
  for (const after of to.roles) {
    const before = from.roleById.get(fromId.get(after.id) ?? after.id);
    if (!before) {
      out.push({ role: after, change: 'ADDED', aspects: ['ADDED'] });
      continue;
    }
    const aspects: LadderChangeAspect[] = [];
    if (before.id !== after.id) aspects.push(before.title !== after.title ? 'RETITLED' : 'MOVED');
    if (before.grade !== after.grade) aspects.push('REGRADED');
    if (!sameSet(linkedFamilies(from, before.id, rename), linkedFamilies(to, after.id, (id) => id))) aspects.push('RELINKED');
    if (aspects.length > 0) out.push({ role: after, change: before.id !== after.id ? 'MOVED' : 'MODIFIED', aspects });
  }
  const kept = new Set(fromId.values());
  for (const before of from.roles) {
    if (!to.roleById.has(before.id) && !kept.has(before.id)) out.push({ role: before, change: 'REMOVED', aspects: ['REMOVED'] });
  }
  return out.sort((a, b) => (a.role.id < b.role.id ? -1 : a.role.id > b.role.id ? 1 : 0));
}

const ASPECT_WORDS: Record<LadderChangeAspect, string> = {
  ADDED: 'added',
  REMOVED: 'removed',
  RETITLED: 'retitled',
  MOVED: 'moved',
  REGRADED: 'regraded',
  RELINKED: 'relinked',
};

/** "3 regraded, 1 added": roles per aspect, most first (ties in LADDER_ASPECTS order); a role counts once per aspect. */
export function summariseLadderChanges(changes: readonly LadderChange[]): string {
  const counts = LADDER_ASPECTS.map((aspect) => ({ aspect, count: changes.filter((c) => c.aspects.includes(aspect)).length })).filter((c) => c.count > 0);
  if (counts.length === 0) return 'no changes on the ladder';
  return counts
    .sort((a, b) => b.count - a.count)
    .map((c) => `${c.count} ${ASPECT_WORDS[c.aspect]}`)
    .join(', ');
}


/**
 * The changes a view shows: those of roles it draws, and removed roles that would fall in it —
 * in the scope (department, family), and for the ladder around a role, in a family it draws.
 */
export function changesInView(changes: readonly LadderChange[], selection: LadderSelection, scope: LadderScope, aroundRole: boolean): LadderChange[] {
  const drawn = new Set(selection.nodes.map((role) => role.id));
  const families = new Set(selection.nodes.map((role) => role.familySlug));
  return changes.filter((c) => {
    if (c.change !== 'REMOVED') return drawn.has(c.role.id);
    return inScope(c.role.familySlug, scope) && (!aroundRole || families.has(c.role.familySlug));
  });
}
