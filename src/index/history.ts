// Per-role version chains and per-page commit lists, built in one pass over the timeline. Only the
// pages a commit changed are compared, so the cost follows the number of changes, not
// commits × files. A role's identity is its id (family slug + role slug), and the family slug is
// the same for every path shape (`x.md`, `x/index.md`, ...), so a rename is a MOVED version.
// Identity also survives a new id: a role retitled within its family (roleMatch.ts) and the roles
// of a family page git saw renamed to another folder (`R` with -M) continue their chain under the
// new id, and the old id keeps answering with the same chain. Each version carries the per-item
// blame of its bullets (itemBlame.ts), continued from the version before it in the chain.
import type { CommitInfo, TimelineStep } from '../git';
import type { JobFamily } from '../parse';
import { compareFamilies, type PageAt } from './familyVersions';
import { stepDelta } from './pathBlobIndex';
import { ChainBuilder, type RoleVersionDraft, type VersionOrigins } from './roleChains';
import type { RenameEvent, RoleVersion } from './types';

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
  /** New ids and slugs (retitles, family moves), oldest first: what diffs compose across commits. */
  renames: readonly RenameEvent[];
  /** Commits covered (the next extension starts at this position). */
  length: number;
  /** Where the pages stood after the last commit: what `extendHistory` continues from. */
  readonly state: HistoryState;
  /** The page versions each role version was read from (what persisting it names; see historyCodec.ts). */
  readonly origins: VersionOrigins;
}

/** Page map at the end of the history. Never mutated once its history is returned. */
export interface HistoryState {
  readonly blobByPath: ReadonlyMap<string, string>;
  readonly pathsBySlug: ReadonlyMap<string, ReadonlySet<string>>;
  /** A path's slug is fixed the first time it is seen, so every later commit agrees on it. */
  readonly slugByPath: ReadonlyMap<string, string>;
  /** Current id of a chain → the ids it had before, oldest first (kept in step with later growth). */
  readonly formerIds: ReadonlyMap<string, readonly string[]>;
}


const EMPTY_HISTORY: Omit<TimelineHistory, 'origins'> = {
  roleVersions: new Map(),
  positionsBySlug: new Map(),
  positionsByPath: new Map(),
  contentPositions: [],
  renames: [],
  length: 0,
  state: { blobByPath: new Map(), pathsBySlug: new Map(), slugByPath: new Map(), formerIds: new Map() },
};

export function buildHistory(
  steps: readonly TimelineStep[],
  isPage: (path: string) => boolean,
  lookup: FamilyLookup,
  fallbackSlug: (path: string) => string,
): TimelineHistory {
  return extendHistory({ ...EMPTY_HISTORY, origins: new Map() }, steps, isPage, lookup, fallbackSlug);
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
  const renames = previous.renames.slice();
  const chains = new ChainBuilder(previous.roleVersions, previous.state.formerIds, previous.origins);

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
    // Pages git saw renamed (`R`, similarity >= 50%) to a path with another slug: candidate family moves.
    const renamed: Array<[from: string, to: string]> = [];
    for (const change of step.changes) {
      if (change.status !== 'R' || !isPage(change.oldPath!) || !isPage(change.newPath!)) continue;
      const from = slugOf(change.oldPath!, change.oldBlob ?? undefined);
      const to = slugOf(change.newPath!, change.newBlob ?? undefined);
      if (from !== to) renamed.push([from, to]);
    }
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
    const record = (versions: readonly RoleVersionDraft[]): void => {
      for (const version of versions) {
        chains.add(version);
        if (version.previousId !== undefined) renames.push({ position, kind: 'role', from: version.previousId, to: version.role.id });
      }
    };
    // A move is the old slug gone and the new one new in this commit; anything else (the old page
    // still there, the new slug already taken) stays a removal and an addition.
    for (const [from, to] of renamed) {
      const was = before.get(from);
      const now = pageOf(to);
      if (!slugs.has(from) || !slugs.has(to) || !was || !now || pageOf(from) || before.get(to)) continue;
      slugs.delete(from);
      slugs.delete(to);
      positionsBySlug.carry(from, to);
      positionsBySlug.append(to, position);
      renames.push({ position, kind: 'family', from, to });
      record(compareFamilies(step.commit, was, now, true));
    }
    for (const slug of slugs) {
      const was = before.get(slug);
      const now = pageOf(slug);
      if (was?.path === now?.path && was?.blob === now?.blob) continue;
      positionsBySlug.append(slug, position);
      record(compareFamilies(step.commit, was, now));
    }
  });

  const built = chains.finish();
  return {
    roleVersions: built.roleVersions,
    positionsBySlug: positionsBySlug.map,
    positionsByPath: positionsByPath.map,
    contentPositions,
    renames,
    length: previous.length + steps.length,
    state: { blobByPath, pathsBySlug, slugByPath, formerIds: built.formerIds },
    origins: previous.origins,
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

  /** `to` takes `from`'s positions too (a family that moved keeps its page's history). */
  carry(from: string, to: string): void {
    const merged = [...new Set([...(this.map.get(from) ?? []), ...(this.map.get(to) ?? [])])].sort((a, b) => a - b);
    this.own.set(to, merged);
    this.map.set(to, merged);
  }
}
