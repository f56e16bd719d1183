// Per-role version chains and per-page commit lists, built in one pass over the timeline. Only the
// pages a commit changed are compared, so the cost follows the number of changes, not
// commits × files. A role's identity is its id (family slug + role slug), and the family slug is
// the same for every path shape (`x.md`, `x/index.md`, ...), so a rename is a MOVED version.
import type { CommitInfo, TimelineStep } from '../git/types';
import type { JobFamily, Role } from '../parse/types';
import { scalarChange, roleFieldChanges } from './fieldChanges';
import { stepDelta } from './pathBlobIndex';
import type { FieldChange, RoleVersion } from './types';

/** The parsed family of a page version; undefined when it could not be read. */
export type FamilyLookup = (path: string, blob: string) => JobFamily | undefined;

export interface TimelineHistory {
  /** Role id → versions, newest first. */
  roleVersions: ReadonlyMap<string, readonly RoleVersion[]>;
  /** Family slug → timeline positions where its page changed (content or path), oldest first. */
  positionsBySlug: ReadonlyMap<string, readonly number[]>;
  /** Repository path → timeline positions that touched it, oldest first. */
  positionsByPath: ReadonlyMap<string, readonly number[]>;
  /** Positions of commits that changed anything in the content folder, oldest first. */
  contentPositions: readonly number[];
}

interface PageAt {
  path: string;
  blob: string;
  family: JobFamily | undefined;
}

export function buildHistory(
  steps: readonly TimelineStep[],
  isPage: (path: string) => boolean,
  lookup: FamilyLookup,
  fallbackSlug: (path: string) => string,
): TimelineHistory {
  const blobByPath = new Map<string, string>();
  const pathsBySlug = new Map<string, Set<string>>();
  const slugByPath = new Map<string, string>();
  const versions = new Map<string, RoleVersion[]>();
  const positionsBySlug = new Map<string, number[]>();
  const positionsByPath = new Map<string, number[]>();
  const contentPositions: number[] = [];

  const slugOf = (path: string, blob: string | undefined): string => {
    let slug = slugByPath.get(path);
    if (slug === undefined) {
      slug = (blob !== undefined ? lookup(path, blob)?.slug : undefined) ?? fallbackSlug(path);
      slugByPath.set(path, slug);
    }
    return slug;
  };
  // The page that stands for a slug: the first path in byte order, as in snapshots (pickBySlug).
  const pageOf = (slug: string): PageAt | undefined => {
    const paths = pathsBySlug.get(slug);
    if (!paths || paths.size === 0) return undefined;
    const path = [...paths].sort()[0];
    const blob = blobByPath.get(path)!;
    return { path, blob, family: lookup(path, blob) };
  };

  steps.forEach((step, position) => {
    if (step.changes.length > 0) contentPositions.push(position);
    for (const change of step.changes) {
      for (const path of new Set([change.oldPath, change.newPath])) if (path) append(positionsByPath, path, position);
    }
    const delta = stepDelta(step, isPage);
    if (delta.length === 0) return;
    const slugs = new Set<string>();
    for (const [path, blob] of delta) slugs.add(slugOf(path, blob ?? blobByPath.get(path)));
    const before = new Map<string, PageAt | undefined>();
    for (const slug of slugs) before.set(slug, pageOf(slug));
    for (const [path, blob] of delta) {
      const slug = slugOf(path, blob ?? blobByPath.get(path));
      if (blob === null) {
        blobByPath.delete(path);
        pathsBySlug.get(slug)?.delete(path);
      } else {
        blobByPath.set(path, blob);
        let set = pathsBySlug.get(slug);
        if (!set) pathsBySlug.set(slug, (set = new Set()));
        set.add(path);
      }
    }
    for (const slug of slugs) {
      const was = before.get(slug);
      const now = pageOf(slug);
      if (was?.path === now?.path && was?.blob === now?.blob) continue;
      append(positionsBySlug, slug, position);
      for (const version of compareFamilies(step.commit, was, now)) appendVersion(versions, version);
    }
  });

  for (const list of versions.values()) list.reverse();
  return { roleVersions: versions, positionsBySlug, positionsByPath, contentPositions };
}

function append(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

function appendVersion(map: Map<string, RoleVersion[]>, version: RoleVersion): void {
  const list = map.get(version.role.id);
  if (list) list.push(version);
  else map.set(version.role.id, [version]);
}

/** Roles by id, first heading wins (as in snapshots). */
function rolesById(family: JobFamily | undefined): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const role of [...(family?.roles ?? [])].sort((a, b) => a.order - b.order)) {
    if (!out.has(role.id)) out.set(role.id, role);
  }
  return out;
}

/** The role versions one commit made by changing a family's page from `was` to `now`. */
export function compareFamilies(commit: CommitInfo, was: PageAt | undefined, now: PageAt | undefined): RoleVersion[] {
  const out: RoleVersion[] = [];
  const before = rolesById(was?.family);
  const after = rolesById(now?.family);
  for (const [id, role] of after) {
    const old = before.get(id);
    if (!old) {
      out.push({ commit, change: 'ADDED', role, path: now!.path, changes: [] });
      continue;
    }
    const changes: FieldChange[] = roleFieldChanges(old, role);
    const moved = scalarChange('path', was!.path, now!.path);
    if (changes.length > 0) {
      out.push({ commit, change: 'MODIFIED', role, path: now!.path, changes: moved ? [moved, ...changes] : changes });
    } else if (moved) {
      out.push({ commit, change: 'MOVED', role, path: now!.path, changes: [moved] });
    }
  }
  for (const [id, role] of before) {
    if (!after.has(id)) out.push({ commit, change: 'REMOVED', role, path: was!.path, changes: [] });
  }
  return out;
}
