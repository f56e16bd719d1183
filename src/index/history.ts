// Per-role version chains and per-page commit lists, built in one pass over the timeline. Only the
// pages a commit changed are compared, so the cost follows the number of changes, not
// commits × files. A role's identity is its id (family slug + role slug), and the family slug is
// the same for every path shape (`x.md`, `x/index.md`, ...), so a rename is a MOVED version.
import type { CommitInfo, TimelineStep } from '../git';
import type { JobFamily, Role } from '../parse';
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
  /** Commits covered (the next extension starts at this position). */
  length: number;
  /** Where the pages stood after the last commit: what `extendHistory` continues from. */
  readonly state: HistoryState;
}

/** Page map at the end of the history. Never mutated once its history is returned. */
export interface HistoryState {
  readonly blobByPath: ReadonlyMap<string, string>;
  readonly pathsBySlug: ReadonlyMap<string, ReadonlySet<string>>;
  /** A path's slug is fixed the first time it is seen, so every later commit agrees on it. */
  readonly slugByPath: ReadonlyMap<string, string>;
}

interface PageAt {
  path: string;
  blob: string;
  family: JobFamily | undefined;
}

const EMPTY_HISTORY: TimelineHistory = {
  roleVersions: new Map(),
  positionsBySlug: new Map(),
  positionsByPath: new Map(),
  contentPositions: [],
  length: 0,
  state: { blobByPath: new Map(), pathsBySlug: new Map(), slugByPath: new Map() },
};

export function buildHistory(
  steps: readonly TimelineStep[],
  isPage: (path: string) => boolean,
  lookup: FamilyLookup,
  fallbackSlug: (path: string) => string,
): TimelineHistory {
  return extendHistory(EMPTY_HISTORY, steps, isPage, lookup, fallbackSlug);
}

/**
 * The history of `previous`'s commits followed by `steps` (positions continue from
 * `previous.length`). Costs O(new steps' changes) plus a shallow copy of the maps; `previous` and
 * every array it holds are left as they were (copy on write), so readers of an older view never
 * see the newer commits.
 */
export function extendHistory(
  previous: TimelineHistory,
  steps: readonly TimelineStep[],
  isPage: (path: string) => boolean,
  lookup: FamilyLookup,
  fallbackSlug: (path: string) => string,
): TimelineHistory {
  const blobByPath = new Map(previous.state.blobByPath);
  const pathsBySlug = new Map(previous.state.pathsBySlug as ReadonlyMap<string, Set<string>>);
  const ownSets = new Set<string>();
  const slugByPath = new Map(previous.state.slugByPath);
  const positionsBySlug = new AppendOnlyLists(previous.positionsBySlug);
  const positionsByPath = new AppendOnlyLists(previous.positionsByPath);
  const contentPositions = previous.contentPositions.slice();
  /** This extension's versions per role, oldest first. */
  const added = new Map<string, RoleVersion[]>();

  const slugOf = (path: string, blob: string | undefined): string => {
    let slug = slugByPath.get(path);
    if (slug === undefined) {
      slug = (blob !== undefined ? lookup(path, blob)?.slug : undefined) ?? fallbackSlug(path);
      slugByPath.set(path, slug);
    }
    return slug;
  };
  /** The slug's path set, copied before its first change here (the previous state shares it). */
  const ownPaths = (slug: string): Set<string> => {
    let set = pathsBySlug.get(slug);
    if (!ownSets.has(slug)) {
      set = new Set(set);
      pathsBySlug.set(slug, set);
      ownSets.add(slug);
    }
    return set!;
  };
  // The page that stands for a slug: the first path in byte order, as in snapshots (pickBySlug).
  const pageOf = (slug: string): PageAt | undefined => {
    const paths = pathsBySlug.get(slug);
    if (!paths || paths.size === 0) return undefined;
    const path = [...paths].sort()[0];
    const blob = blobByPath.get(path)!;
    return { path, blob, family: lookup(path, blob) };
  };

  steps.forEach((step, i) => {
    const position = previous.length + i;
    if (step.changes.length > 0) contentPositions.push(position);
    for (const change of step.changes) {
      for (const path of new Set([change.oldPath, change.newPath])) if (path) positionsByPath.append(path, position);
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
        if (pathsBySlug.has(slug)) ownPaths(slug).delete(path);
      } else {
        blobByPath.set(path, blob);
        ownPaths(slug).add(path);
      }
    }
    for (const slug of slugs) {
      const was = before.get(slug);
      const now = pageOf(slug);
      if (was?.path === now?.path && was?.blob === now?.blob) continue;
      positionsBySlug.append(slug, position);
      for (const version of compareFamilies(step.commit, was, now)) appendVersion(added, version);
    }
  });

  const roleVersions = new Map(previous.roleVersions);
  for (const [id, list] of added) roleVersions.set(id, [...list.reverse(), ...(roleVersions.get(id) ?? [])]);
  return {
    roleVersions,
    positionsBySlug: positionsBySlug.map,
    positionsByPath: positionsByPath.map,
    contentPositions,
    length: previous.length + steps.length,
    state: { blobByPath, pathsBySlug, slugByPath },
  };
}

/** key → positions, oldest first, over a previous map whose lists are copied before they grow. */
class AppendOnlyLists {
  readonly map: Map<string, readonly number[]>;
  private readonly own = new Map<string, number[]>();

  constructor(previous: ReadonlyMap<string, readonly number[]>) {
    this.map = new Map(previous);
  }

  append(key: string, position: number): void {
    let list = this.own.get(key);
    if (!list) {
      list = [...(this.map.get(key) ?? [])];
      this.own.set(key, list);
      this.map.set(key, list);
    }
    if (list[list.length - 1] !== position) list.push(position);
  }
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
