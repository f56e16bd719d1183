// The role versions one commit made by changing a family's page: roles paired by id, by title
// across a family move, and as retitles (roleMatch.ts); the rest added or removed. Pure.
import type { CommitInfo } from '../git';
import type { JobFamily, Role } from '../parse';
import { roleFieldChanges, scalarChange } from './fieldChanges';
import type { RoleVersionDraft, VersionOrigin } from './roleChains';
import { matchRetitles } from './roleMatch';
import type { FieldChange } from './types';

/** A family page as it stood on one side of a commit. */
export interface PageAt {
  path: string;
  blob: string;
  family: JobFamily | undefined;
}

/** Roles by id, first heading wins (as in snapshots). */
function rolesById(family: JobFamily | undefined): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const role of [...(family?.roles ?? [])].sort((a, b) => a.order - b.order)) {
    if (!out.has(role.id)) out.set(role.id, role);
  }
  return out;
}

/**
 * The role versions one commit made by changing a family's page from `was` to `now`. Roles pair by
 * id; then, when the page moved to another slug (`familyMoved`), by the slug of their title; then
 * the ones left on both sides may be retitles (roleMatch.ts). A pair under two ids is one MOVED
 * version carrying every field that changed, title included.
 */
export function compareFamilies(commit: CommitInfo, was: PageAt | undefined, now: PageAt | undefined, familyMoved = false): RoleVersionDraft[] {
  const before = rolesById(was?.family);
  const after = rolesById(now?.family);
  const leftBefore = new Map([...before].filter(([id]) => !after.has(id)));
  const leftAfter = new Map([...after].filter(([id]) => !before.has(id)));
  const renamed: Array<[Role, Role]> = [];
  if (familyMoved) {
    const byTitle = new Map([...leftAfter.values()].map((r) => [titleSlug(r.id), r] as const));
    for (const old of [...leftBefore.values()]) {
      const role = byTitle.get(titleSlug(old.id));
      if (!role || !leftAfter.has(role.id)) continue;
      renamed.push([old, role]);
      leftBefore.delete(old.id);
      leftAfter.delete(role.id);
    }
  }
  for (const [old, role] of matchRetitles([...leftBefore.values()], [...leftAfter.values()])) {
    renamed.push([old, role]);
    leftBefore.delete(old.id);
    leftAfter.delete(role.id);
  }

  const from = (old: Role): VersionOrigin => ({ blob: now!.blob, before: { path: was!.path, blob: was!.blob, role: old } });
  // Retitles first, so a chain has moved to its new id before anything else names either id.
  const out: RoleVersionDraft[] = renamed.map(([old, role]) => ({
    commit,
    change: 'MOVED',
    role,
    path: now!.path,
    previousId: old.id,
    origin: from(old),
  }));
  for (const [id, role] of after) {
    const old = before.get(id);
    if (!old) {
      if (leftAfter.has(id)) out.push({ commit, change: 'ADDED', role, path: now!.path, origin: { blob: now!.blob } });
      continue;
    }
    const moved = was!.path !== now!.path;
    // A field of the role changed (a page move rides along): MODIFIED; only the page moved: MOVED.
    // The changes themselves are the version's to work out when read (roleVersion.ts).
    // The same role object (pages are interned, so an untouched role is shared) changed no field.
    if (old !== role && versionChanges(old, role, was!.path, now!.path).length > (moved ? 1 : 0)) {
      out.push({ commit, change: 'MODIFIED', role, path: now!.path, origin: from(old) });
    } else if (moved) {
      out.push({ commit, change: 'MOVED', role, path: now!.path, origin: from(old) });
    }
  }
  for (const role of leftBefore.values()) out.push({ commit, change: 'REMOVED', role, path: was!.path, origin: { blob: was!.blob } });
  return out;
}

/**
 * The changes of a version whose role stood as `old` on page `wasPath` before the commit and as
 * `role` on `nowPath` after it: the page's move first, then the role's own fields. One function for
 * the build and for a restored history (which computes it on first ask), so both say the same.
 */
export function versionChanges(old: Role, role: Role, wasPath: string, nowPath: string): FieldChange[] {
  const moved = scalarChange('path', wasPath, nowPath);
  const changes = roleFieldChanges(old, role);
  return moved ? [moved, ...changes] : changes;
}

/** The part of a role id after `#`: the slug of its title, the same in any family. */
function titleSlug(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}
