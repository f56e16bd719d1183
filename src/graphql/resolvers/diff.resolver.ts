import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { familyNode, roleNode, type FamilyNode, type RoleNode } from '../nodes';
import { DiffArgs } from '../args/diff.args';
import { SnapshotDiff } from '../types/snapshotDiff.type';
import type { CommitInfo, FamilyChange, RoleChange, Snapshot, SnapshotDiff as SnapshotDiffResult } from '../../index';

interface RoleChangeData extends Omit<RoleChange, 'before' | 'after'> {
  before: RoleNode | null;
  after: RoleNode | null;
}

interface FamilyChangeData extends Omit<FamilyChange, 'beforeSlug'> {
  beforeSlug: string | null;
  afterSlug: string | null;
  before: FamilyNode | null;
  after: FamilyNode | null;
}

interface SnapshotDiffData {
  from: CommitInfo;
  to: CommitInfo;
  families: FamilyChangeData[];
  roles: RoleChangeData[];
}

/** Each side links into its own snapshot, so `before { family { title } }` reads the old family. */
function withNodes(result: SnapshotDiffResult, from: Snapshot, to: Snapshot): SnapshotDiffData {
  return {
    from: result.from,
    to: result.to,
    roles: result.roles.map((change) => ({
      ...change,
      before: change.before && roleNode(change.before, from.commit),
      after: change.after && roleNode(change.after, to.commit),
    })),
    families: result.families.map((change) => {
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

@Resolver(() => SnapshotDiff)
export class DiffResolver {
  @Query(() => SnapshotDiff, { description: 'What changed between two refs: families and roles, field by field.' })
  async diff(@Args(() => DiffArgs) args: DiffArgs, @Ctx() ctx: RolegraphContext): Promise<SnapshotDiffData> {
    const { view, loaders } = pinned(ctx);
    const [fromCommit, toCommit] = await Promise.all([view.resolveRef(args.from), view.resolveRef(args.to)]);
    // The index memoises and bounds the diff (src/index/diffMemo); the snapshots it compared are
    // then in the view's snapshot cache, so loading them again is a lookup.
    const result = await view.diff(fromCommit, toCommit);
    const [from, to] = await Promise.all([loaders.snapshotByCommit.load(result.from), loaders.snapshotByCommit.load(result.to)]);
    return withNodes(result, from, to);
  }
}
