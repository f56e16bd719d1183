// Structural diff of two snapshots: which families and roles were added, removed, moved or
// modified, with field-level changes. Pure; any two commits, in either order. Given the renames
// between the two commits (renameMap.ts), a role retitled or a family page moved is paired across
// its new id or slug and reported MOVED instead of REMOVED + ADDED.
import type { Role } from '../parse';
import { familyFieldChanges, roleFieldChanges } from './fieldChanges';
import { NO_RENAMES, type RenameMap } from './renameMap';
import type { ChangeKind, FamilyChange, RoleChange, Snapshot, SnapshotDiff } from './types';

export { roleFieldChanges } from './fieldChanges';

export function diff(from: Snapshot, to: Snapshot, renames: RenameMap = NO_RENAMES): SnapshotDiff {
  const roles = diffRoles(from, to, renames.roles);
  const familiesWithRoleChanges = new Set<string>();
  for (const change of roles) {
    if (change.before) familiesWithRoleChanges.add(change.before.familySlug);
    if (change.after) familiesWithRoleChanges.add(change.after.familySlug);
  }
  return { from: from.commit, to: to.commit, families: diffFamilies(from, to, familiesWithRoleChanges, renames.families), roles };
}

function diffFamilies(from: Snapshot, to: Snapshot, touched: ReadonlySet<string>, moves: ReadonlyMap<string, string>): FamilyChange[] {
  const out: FamilyChange[] = [];
  const paired = new Set<string>();
  for (const before of from.families) {
    const target = moves.get(before.slug);
    const moved = target !== undefined ? to.familyBySlug.get(target) : undefined;
    if (moved && !from.familyBySlug.has(moved.slug)) {
      // A page that moved folders: one MOVED change under its new slug, whatever else changed.
      paired.add(moved.slug);
      const changes = familyFieldChanges(before, moved).filter((c) => c.field !== 'roles' || !sameTitles(before.roles, moved.roles));
      out.push({ slug: moved.slug, beforeSlug: before.slug, change: 'MOVED', beforePath: before.path, afterPath: moved.path, changes });
      continue;
    }
    const after = to.familyBySlug.get(before.slug);
    if (!after) {
      out.push({ slug: before.slug, change: 'REMOVED', beforePath: before.path, afterPath: null, changes: [] });
      continue;
    }
    // Same blob at the same path: nothing to compare (the common case between nearby commits).
    if (before.blob === after.blob && before.path === after.path) continue;
    const changes = familyFieldChanges(before, after);
    const contentChanged = changes.some((c) => c.field !== 'path') || touched.has(before.slug);
    const pathMoved = before.path !== after.path;
    if (!contentChanged && !pathMoved) continue;
    const change: ChangeKind = contentChanged ? 'MODIFIED' : 'MOVED';
    out.push({ slug: before.slug, change, beforePath: before.path, afterPath: after.path, changes });
  }
  for (const after of to.families) {
    if (!from.familyBySlug.has(after.slug) && !paired.has(after.slug)) {
      out.push({ slug: after.slug, change: 'ADDED', beforePath: null, afterPath: after.path, changes: [] });
    }
  }
  return out.sort((a, b) => compare(a.slug, b.slug));
}

/** The role ids name the same titles (a moved family's ids differ only before `#`). */
function sameTitles(a: readonly Role[], b: readonly Role[]): boolean {
  const titles = (roles: readonly Role[]) => roles.map((r) => r.id.slice(r.id.indexOf('#') + 1)).join('\n');
  return titles(a) === titles(b);
}

function diffRoles(from: Snapshot, to: Snapshot, renamed: ReadonlyMap<string, string>): RoleChange[] {
  const out: RoleChange[] = [];
  const paired = new Set<string>();
  for (const before of from.roles) {
    const target = renamed.get(before.id);
    const moved = target !== undefined ? to.roleById.get(target) : undefined;
    if (moved && !from.roleById.has(moved.id)) {
      paired.add(moved.id);
      out.push({ id: moved.id, change: 'MOVED', before, after: moved, changes: roleFieldChanges(before, moved) });
      continue;
    }
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
    if (!from.roleById.has(after.id) && !paired.has(after.id)) out.push(roleChange(after.id, 'ADDED', null, after));
  }
  return out.sort((a, b) => compare(a.id, b.id));
}

function roleChange(id: string, change: ChangeKind, before: Role | null, after: Role | null): RoleChange {
  return { id, change, before, after, changes: [] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
