// Per-request loaders over the request's pinned IndexView. They make sure a ref is resolved and a
// snapshot fetched once per request however many fields ask for it, and memoise role and family
// nodes by (commit sha, id) so a role reached twice in one answer is built once.
import DataLoader from 'dataloader';
import type { CommitInfo, IndexView, Snapshot } from '../index';
import { familyNode, roleNode, type FamilyNode, type RoleNode } from './nodes';

export interface RoleKey {
  at: CommitInfo;
  id: string;
}

export interface FamilyKey {
  at: CommitInfo;
  slug: string;
}

export interface Loaders {
  /** Snapshot for a client ref (`at`); null/undefined = the pinned head. Throws BadRefError. */
  snapshotByRef(ref: string | null | undefined): Promise<Snapshot>;
  /** Snapshot at an already resolved commit. */
  snapshotByCommit: DataLoader<CommitInfo, Snapshot, string>;
  role: DataLoader<RoleKey, RoleNode | null, string>;
  family: DataLoader<FamilyKey, FamilyNode | null, string>;
  /**
   * The snapshot at `commit` when this request already holds it (the head always), else undefined.
   * A field whose parent came from a snapshot can then answer synchronously: no promise per field.
   */
  loadedSnapshot(commit: CommitInfo): Snapshot | undefined;
  /** The family `slug` in `snapshot` (the one at `at`), memoised with `family` (the same node object). */
  familyIn(snapshot: Snapshot, slug: string, at: CommitInfo): FamilyNode | null;
  /** The role `id` in `snapshot` (the one at `at`), memoised with `role` (the same node object), for a field that answers without a promise. */
  roleIn(snapshot: Snapshot, id: string, at: CommitInfo): RoleNode | null;
}

export function createLoaders(view: IndexView): Loaders {
  const loaded = new Map<string, Snapshot>([[view.head.commit.sha, view.head]]);
  const snapshotByCommit = new DataLoader<CommitInfo, Snapshot, string>(
    (commits) =>
      Promise.all(
        commits.map(async (commit) => {
          const snapshot = await view.snapshotAt(commit);
          loaded.set(commit.sha, snapshot);
          return snapshot;
        }),
      ),
    { cacheKeyFn: (commit) => commit.sha },
  );
  snapshotByCommit.prime(view.head.commit, view.head);

  // Memos by commit, then by slug or id: a key string per lookup (sha + slug) was a visible share
  // of a 50-role page, where every role asks for its family; these keys are the index's own strings.
  const families = new MemoByCommit<FamilyNode | null>();
  const familyIn = (snapshot: Snapshot, slug: string, at: CommitInfo): FamilyNode | null =>
    families.get(at.sha, slug, () => {
      const found = snapshot.familyBySlug.get(slug);
      return found ? familyNode(found, at) : null;
    });

  const roles = new MemoByCommit<RoleNode | null>();
  const roleIn = (snapshot: Snapshot, id: string, at: CommitInfo): RoleNode | null =>
    roles.get(at.sha, id, () => {
      const found = snapshot.roleById.get(id);
      return found ? roleNode(found, at) : null;
    });

  const byRef = new Map<string, Promise<Snapshot>>();
  const snapshotByRef = (ref: string | null | undefined): Promise<Snapshot> => {
    if (ref === null || ref === undefined) return Promise.resolve(view.head);
    let pending = byRef.get(ref);
    if (!pending) {
      pending = view.resolveRef(ref).then((commit) => snapshotByCommit.load(commit));
      byRef.set(ref, pending);
    }
    return pending;
  };

  const role = new DataLoader<RoleKey, RoleNode | null, string>(
    async (keys) => {
      const snapshots = await Promise.all(keys.map((key) => snapshotByCommit.load(key.at)));
      return keys.map((key, i) => roleIn(snapshots[i], key.id, key.at));
    },
    { cacheKeyFn: (key) => `${key.at.sha} ${key.id}` },
  );

  const family = new DataLoader<FamilyKey, FamilyNode | null, string>(
    async (keys) => {
      const snapshots = await Promise.all(keys.map((key) => snapshotByCommit.load(key.at)));
      return keys.map((key, i) => familyIn(snapshots[i], key.slug, key.at));
    },
    { cacheKeyFn: (key) => `${key.at.sha} ${key.slug}` },
  );

  return { snapshotByRef, snapshotByCommit, role, family, loadedSnapshot: (commit) => loaded.get(commit.sha), familyIn, roleIn };
}

/** Values made once per (commit sha, key) within one request. */
class MemoByCommit<T> {
  private readonly byCommit = new Map<string, Map<string, T>>();

  get(sha: string, key: string, make: () => T): T {
    let memo = this.byCommit.get(sha);
    if (!memo) {
      memo = new Map();
      this.byCommit.set(sha, memo);
    }
    if (memo.has(key)) return memo.get(key) as T;
    const value = make();
    memo.set(key, value);
    return value;
  }
}
