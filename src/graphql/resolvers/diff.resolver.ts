import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { diffData, type SnapshotDiffData } from '../diffNodes';
import { DiffArgs } from '../args/diff.args';
import { SnapshotDiff } from '../types/snapshotDiff.type';

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
    return diffData(result, from, to);
  }
}
