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

/**
 * One request's loaders. A class rather than closures: a request that reads nothing (the pipeline
 * floor, `{ __typename }`) pays for one object, and its maps and DataLoaders are made on first use.
 * Made in the first tick that asks, a DataLoader batches that tick's loads as one made up front would.
 */
class RequestLoaders implements Loaders {
  private snapshotLoader: DataLoader<CommitInfo, Snapshot, string> | undefined;
  private roleLoader: DataLoader<RoleKey, RoleNode | null, string> | undefined;
  private familyLoader: DataLoader<FamilyKey, FamilyNode | null, string> | undefined;
  /** Snapshots this request holds besides the head, by sha. */
  private loaded: Map<string, Snapshot> | undefined;
  // Memos by commit, then by slug or id: a key string per lookup (sha + slug) was a visible share
  // of a 50-role page, where every role asks for its family; these keys are the index's own strings.
  private families: MemoByCommit<FamilyNode | null> | undefined;
  private roles: MemoByCommit<RoleNode | null> | undefined;
  private byRef: Map<string, Promise<Snapshot>> | undefined;

  constructor(private readonly view: IndexView) {}

  snapshotByRef(ref: string | null | undefined): Promise<Snapshot> {
    if (ref === null || ref === undefined) return Promise.resolve(this.view.head);
    this.byRef ??= new Map();
    let pending = this.byRef.get(ref);
    if (!pending) {
      pending = this.view.resolveRef(ref).then((commit) => this.snapshotByCommit.load(commit));
      this.byRef.set(ref, pending);
    }
    return pending;
  }

  get snapshotByCommit(): DataLoader<CommitInfo, Snapshot, string> {
    if (!this.snapshotLoader) {
      const view = this.view;
      this.snapshotLoader = new DataLoader<CommitInfo, Snapshot, string>(
        (commits) =>
          Promise.all(
            commits.map(async (commit) => {
              const snapshot = await view.snapshotAt(commit);
              (this.loaded ??= new Map()).set(commit.sha, snapshot);
              return snapshot;
            }),
          ),
        { cacheKeyFn: (commit) => commit.sha },
      );
      this.snapshotLoader.prime(view.head.commit, view.head);
    }
    return this.snapshotLoader;
  }

  get role(): DataLoader<RoleKey, RoleNode | null, string> {
    this.roleLoader ??= new DataLoader<RoleKey, RoleNode | null, string>(
      async (keys) => {
        const snapshots = await Promise.all(keys.map((key) => this.snapshotByCommit.load(key.at)));
        return keys.map((key, i) => this.roleIn(snapshots[i], key.id, key.at));
      },
      { cacheKeyFn: (key) => `${key.at.sha} ${key.id}` },
    );
    return this.roleLoader;
  }

  get family(): DataLoader<FamilyKey, FamilyNode | null, string> {
    this.familyLoader ??= new DataLoader<FamilyKey, FamilyNode | null, string>(
      async (keys) => {
        const snapshots = await Promise.all(keys.map((key) => this.snapshotByCommit.load(key.at)));
        return keys.map((key, i) => this.familyIn(snapshots[i], key.slug, key.at));
      },
      { cacheKeyFn: (key) => `${key.at.sha} ${key.slug}` },
    );
    return this.familyLoader;
  }

  loadedSnapshot(commit: CommitInfo): Snapshot | undefined {
    return commit.sha === this.view.head.commit.sha ? this.view.head : this.loaded?.get(commit.sha);
  }

  familyIn(snapshot: Snapshot, slug: string, at: CommitInfo): FamilyNode | null {
    return (this.families ??= new MemoByCommit()).get(at.sha, slug, () => {
      const found = snapshot.familyBySlug.get(slug);
      return found ? familyNode(found, at) : null;
    });
  }

  roleIn(snapshot: Snapshot, id: string, at: CommitInfo): RoleNode | null {
    return (this.roles ??= new MemoByCommit()).get(at.sha, id, () => {
      const found = snapshot.roleById.get(id);
      return found ? roleNode(found, at) : null;
    });
  }
}

export function createLoaders(view: IndexView): Loaders {
  return new RequestLoaders(view);
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
