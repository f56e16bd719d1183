// Structural diff of two snapshots: which families and roles were added, removed, moved or
// modified, with field-level changes. Pure; any two commits, in either order.
import type { Role } from '../parse';
import { familyFieldChanges, roleFieldChanges } from './fieldChanges';
import type { ChangeKind, FamilyChange, RoleChange, Snapshot, SnapshotDiff } from './types';

export { roleFieldChanges } from './fieldChanges';

export function diff(from: Snapshot, to: Snapshot): SnapshotDiff {
  const roles = diffRoles(from, to);
  const familiesWithRoleChanges = new Set<string>();
  for (const change of roles) familiesWithRoleChanges.add((change.after ?? change.before)!.familySlug);
  return { from: from.commit, to: to.commit, families: diffFamilies(from, to, familiesWithRoleChanges), roles };
}

function diffFamilies(from: Snapshot, to: Snapshot, touched: ReadonlySet<string>): FamilyChange[] {
  const out: FamilyChange[] = [];
  for (const before of from.families) {
    const after = to.familyBySlug.get(before.slug);
    if (!after) {
      out.push({ slug: before.slug, change: 'REMOVED', beforePath: before.path, afterPath: null, changes: [] });
      continue;
    }
    // Same blob at the same path: nothing to compare (the common case between nearby commits).
    if (before.blob === after.blob && before.path === after.path) continue;
    const changes = familyFieldChanges(before, after);
    const contentChanged = changes.some((c) => c.field !== 'path') || touched.has(before.slug);
    const moved = before.path !== after.path;
    if (!contentChanged && !moved) continue;
    const change: ChangeKind = contentChanged ? 'MODIFIED' : 'MOVED';
    out.push({ slug: before.slug, change, beforePath: before.path, afterPath: after.path, changes });
  }
  for (const after of to.families) {
    if (!from.familyBySlug.has(after.slug)) {
      out.push({ slug: after.slug, change: 'ADDED', beforePath: null, afterPath: after.path, changes: [] });
    }
  }
  return out.sort((a, b) => compare(a.slug, b.slug));
}

function diffRoles(from: Snapshot, to: Snapshot): RoleChange[] {
  const out: RoleChange[] = [];
  for (const before of from.roles) {
    const after = to.roleById.get(before.id);
    if (!after) {
      out.push(roleChange(before.id, 'REMOVED', before, null));
      continue;
    }
    if (after === before) continue; // same parsed object: same blob and path
    const changes = roleFieldChanges(before, after);
    if (changes.length > 0) out.push({ id: before.id, change: 'MODIFIED', before, after, changes });
  }
  for (const after of to.roles) {
    if (!from.roleById.has(after.id)) out.push(roleChange(after.id, 'ADDED', null, after));
  }
  return out.sort((a, b) => compare(a.id, b.id));
}

function roleChange(id: string, change: ChangeKind, before: Role | null, after: Role | null): RoleChange {
  return { id, change, before, after, changes: [] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
