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
}

export function createLoaders(view: IndexView): Loaders {
  const loaded = new Map<string, Snapshot>([[view.head.commit.sha, view.head]]);
  // The DataLoaders are made on first use: most requests need one or none of them (the pipeline
  // floor, `{ __typename }`, needs none), and each is a handful of objects and closures. Made in
  // the first tick that asks, a loader batches that tick's loads as one made up front would.
  let snapshotLoader: DataLoader<CommitInfo, Snapshot, string> | undefined;
  const snapshotByCommit = (): DataLoader<CommitInfo, Snapshot, string> => {
    if (!snapshotLoader) {
      snapshotLoader = new DataLoader<CommitInfo, Snapshot, string>(
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
      snapshotLoader.prime(view.head.commit, view.head);
    }
    return snapshotLoader;
  };

  const families = new Map<string, FamilyNode | null>();
  const familyIn = (snapshot: Snapshot, slug: string, at: CommitInfo): FamilyNode | null => {
    const key = `${at.sha} ${slug}`;
    let node = families.get(key);
    if (node === undefined) {
      const found = snapshot.familyBySlug.get(slug);
      node = found ? familyNode(found, at) : null;
      families.set(key, node);
    }
    return node;
  };

  const byRef = new Map<string, Promise<Snapshot>>();
  const snapshotByRef = (ref: string | null | undefined): Promise<Snapshot> => {
    if (ref === null || ref === undefined) return Promise.resolve(view.head);
    let pending = byRef.get(ref);
    if (!pending) {
      pending = view.resolveRef(ref).then((commit) => snapshotByCommit().load(commit));
      byRef.set(ref, pending);
    }
    return pending;
  };

  let roleLoader: DataLoader<RoleKey, RoleNode | null, string> | undefined;
  const role = (): DataLoader<RoleKey, RoleNode | null, string> =>
    (roleLoader ??= new DataLoader<RoleKey, RoleNode | null, string>(
      async (keys) => {
        const snapshots = await Promise.all(keys.map((key) => snapshotByCommit().load(key.at)));
        return keys.map((key, i) => {
          const found = snapshots[i].roleById.get(key.id);
          return found ? roleNode(found, key.at) : null;
        });
      },
      { cacheKeyFn: (key) => `${key.at.sha} ${key.id}` },
    ));

  let familyLoader: DataLoader<FamilyKey, FamilyNode | null, string> | undefined;
  const family = (): DataLoader<FamilyKey, FamilyNode | null, string> =>
    (familyLoader ??= new DataLoader<FamilyKey, FamilyNode | null, string>(
      async (keys) => {
        const snapshots = await Promise.all(keys.map((key) => snapshotByCommit().load(key.at)));
        return keys.map((key, i) => familyIn(snapshots[i], key.slug, key.at));
      },
      { cacheKeyFn: (key) => `${key.at.sha} ${key.slug}` },
    ));

  return {
    snapshotByRef,
    get snapshotByCommit() {
      return snapshotByCommit();
    },
    get role() {
      return role();
    },
    get family() {
      return family();
    },
    loadedSnapshot: (commit) => loaded.get(commit.sha),
    familyIn,
  };
}
