import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { familyNode, roleNode, type FamilyNode, type RoleNode } from '../nodes';
import { DiffArgs } from '../args/diff.args';
import { SnapshotDiff } from '../types/snapshotDiff.type';
import { diff } from '../../index/diff';
import type { CommitInfo, FamilyChange, RoleChange } from '../../index/types';

interface RoleChangeData extends Omit<RoleChange, 'before' | 'after'> {
  before: RoleNode | null;
  after: RoleNode | null;
}

interface FamilyChangeData extends FamilyChange {
  before: FamilyNode | null;
  after: FamilyNode | null;
}

interface SnapshotDiffData {
  from: CommitInfo;
  to: CommitInfo;
  families: FamilyChangeData[];
  roles: RoleChangeData[];
}

@Resolver(() => SnapshotDiff)
export class DiffResolver {
  @Query(() => SnapshotDiff, { description: 'What changed between two refs: families and roles, field by field.' })
  async diff(@Args(() => DiffArgs) args: DiffArgs, @Ctx() ctx: RolegraphContext): Promise<SnapshotDiffData> {
    const { view, loaders } = pinned(ctx);
    const [from, to] = await Promise.all([loaders.snapshotByRef(args.from), loaders.snapshotByRef(args.to)]);
    // The view remembers recent diffs per commit pair (a first-to-last diff is costly and repeats).
    const result = view.diff ? view.diff(from, to) : diff(from, to);
    // Each side links into its own snapshot, so `before { family { title } }` reads the old family.
    return {
      from: result.from,
      to: result.to,
      roles: result.roles.map((change) => ({
        ...change,
        before: change.before && roleNode(change.before, from.commit),
        after: change.after && roleNode(change.after, to.commit),
      })),
      families: result.families.map((change) => {
        const before = from.familyBySlug.get(change.slug);
        const after = to.familyBySlug.get(change.slug);
        return {
          ...change,
          before: before ? familyNode(before, from.commit) : null,
          after: after ? familyNode(after, to.commit) : null,
        };
      }),
    };
  }
}

