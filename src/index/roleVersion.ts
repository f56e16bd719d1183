// The one way a role version object is made, by a build (roleChains.ts) and by a restored history
// (historyCodec.ts) alike, so both hold the same keys in the same order and the same layout.
import type { CommitInfo } from '../git';
import type { Role } from '../parse';
import { versionChanges } from './familyVersions';
import type { RoleBlame } from './itemBlame';
import type { ChangeKind, FieldChange, RoleVersion } from './types';

/** The role and page a version's changes are computed against, until they are. */
const CHANGES_FROM = Symbol('rolegraph.changesFrom');
type PendingVersion = RoleVersion & { [CHANGES_FROM]?: { path: string; role: Role } };

/**
 * One getter for every version, so they keep V8's fast object layout: an object literal with its
 * own `get changes()`, or any per-object getter, makes V8 keep that object as a hash table (~430
 * bytes against ~90 for the same fields). The 34,695 restored versions of a 20k history held ~14 MB
 * of the warm index's 169 MB (bench/ANALYSIS.md, issue 15 target 5). The first read puts the plain
 * property in the getter's place.
 */
const LAZY_CHANGES: PropertyDescriptor = {
  get(this: PendingVersion): FieldChange[] {
    const before = this[CHANGES_FROM]!;
    const changes = versionChanges(before.role, this.role, before.path, this.path);
    Object.defineProperty(this, 'changes', { value: changes, configurable: true, enumerable: true, writable: true });
    this[CHANGES_FROM] = undefined;
    return changes;
  },
  configurable: true,
  enumerable: true,
};

/**
 * A version with the role `before` it (MODIFIED, MOVED) computes its changes on first read: a page
 * of role history shows a few of the tens of thousands a long history holds, and holding them all
 * (lists of change records, each with its own closures) was ~25 MB of a cold 20k build's live heap
 * that a warm start never held (bench/ANALYSIS.md, issue 15 target 6). The build still compares the
 * two roles once, to decide whether the commit made a version at all; what it computed is dropped.
 * ADDED and REMOVED versions have no changes.
 */
export function roleVersion(
  commit: CommitInfo,
  change: ChangeKind,
  role: Role,
  path: string,
  previousId: string | undefined,
  blame: RoleBlame,
  before: { path: string; role: Role } | undefined,
): RoleVersion {
  if (!before) return previousId === undefined ? { commit, change, role, path, changes: [], blame } : { commit, change, role, path, changes: [], previousId, blame };
  const version = { commit, change, role, path } as PendingVersion;
  // Not enumerable: nothing that copies or compares a version sees it.
  Object.defineProperty(version, CHANGES_FROM, { value: before, writable: true });
  Object.defineProperty(version, 'changes', LAZY_CHANGES);
  if (previousId !== undefined) version.previousId = previousId;
  version.blame = blame;
  return version;
}
