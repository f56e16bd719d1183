// A diff as resolvers hand it to type-graphql: each side's roles and pages link into their own
// snapshot (so `before { family { title } }` reads the old family), and each role change carries
// its global id, which names the change between the two commits (src/graphql/globalId.ts).
import type { CommitInfo, FamilyChange, RoleChange, Snapshot, SnapshotDiff } from '../index';
import { roleChangeGlobalId } from './globalId';
import { familyNode, roleNode, type FamilyNode, type RoleNode } from './nodes';

export interface RoleChangeData extends Omit<RoleChange, 'before' | 'after'> {
  /** The readable role key; `id` is the global id. */
  key: string;
  before: RoleNode | null;
  after: RoleNode | null;
}

export interface FamilyChangeData extends Omit<FamilyChange, 'beforeSlug'> {
  beforeSlug: string | null;
  afterSlug: string | null;
  before: FamilyNode | null;
  after: FamilyNode | null;
}

export interface SnapshotDiffData {
  from: CommitInfo;
  to: CommitInfo;
  families: FamilyChangeData[];
  roles: RoleChangeData[];
}

export function roleChangeData(change: RoleChange, from: Snapshot, to: Snapshot): RoleChangeData {
  return {
    ...change,
    id: roleChangeGlobalId(change.id, from.commit.sha, to.commit.sha),
    key: change.id,
    // Built when a query reads them: a first-to-last diff has thousands of changes, and most
    // queries ask for the fields that changed, not for both whole roles of each.
    get before() {
      return change.before && roleNode(change.before, from.commit);
    },
    get after() {
      return change.after && roleNode(change.after, to.commit);
    },
  };
}

export function diffData(result: SnapshotDiff, from: Snapshot, to: Snapshot): SnapshotDiffData {
  return {
    from: result.from,
    to: result.to,
    roles: result.roles.map((change) => roleChangeData(change, from, to)),
    families: result.families.map((change) => {
      // A moved family (MOVED with two slugs) reads each side under the slug it had there.
      const beforeSlug = change.beforePath === null ? null : (change.beforeSlug ?? change.slug);
      const afterSlug = change.afterPath === null ? null : change.slug;
      const before = beforeSlug === null ? undefined : from.familyBySlug.get(beforeSlug);
      const after = afterSlug === null ? undefined : to.familyBySlug.get(afterSlug);
      return {
        ...change,
        beforeSlug,
        afterSlug,
        before: before ? familyNode(before, from.commit) : null,
        after: after ? familyNode(after, to.commit) : null,
      };
    }),
  };
}
