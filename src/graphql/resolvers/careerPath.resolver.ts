import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { roleKeyOf } from '../globalId';
import { roleNode, type RoleNode } from '../nodes';
import { CareerPathsArgs } from '../args/careerPaths.args';
import { CareerPath } from '../types/careerPath.type';
import { careerPaths, snapshotGraph } from '../../index';
import { rankCareerPaths, type RankedCareerPath } from '../../index';
import { NotFoundError } from '../../index';
import type { LadderEdgeKind, Snapshot } from '../../index';

interface CareerStepData {
  from: RoleNode;
  to: RoleNode;
  kind: LadderEdgeKind;
  gradeDelta: number | null;
}

interface CareerPathData {
  rank: number;
  gradeDrops: number;
  gradeGain: number | null;
  steps: RoleNode[];
  transitions: CareerStepData[];
}

@Resolver(() => CareerPath)
export class CareerPathResolver {
  @Query(() => [CareerPath], { description: 'Shortest ways up the ladder from one role to another (at most 10), best first by grade progression, each move explained. Unknown id → NOT_FOUND.' })
  async careerPaths(@Args(() => CareerPathsArgs) args: CareerPathsArgs, @Ctx() ctx: RolegraphContext): Promise<CareerPathData[]> {
    const snapshot = await pinned(ctx).loaders.snapshotByRef(args.at);
    const [from, to] = [roleKeyOf(args.from), roleKeyOf(args.to)];
    for (const id of [from, to]) {
      if (!snapshot.roleById.has(id)) throw new NotFoundError(`No role with id ${JSON.stringify(id)} at ${snapshot.commit.sha.slice(0, 8)}`);
    }
    return rankCareerPaths(snapshot, careerPaths(snapshot, from, to)).map((path) => explain(snapshot, path));
  }
}

/** Turns a path of role ids into roles plus, for each move, the edge kind and the grade change. */
function explain(snapshot: Snapshot, { ids, rank, gradeDrops, gradeGain }: RankedCareerPath): CareerPathData {
  const steps = ids.map((id) => roleNode(snapshot.roleById.get(id)!, snapshot.commit));
  const { outgoing } = snapshotGraph(snapshot);
  const transitions = steps.slice(1).map((to, i) => {
    const from = steps[i];
    const edges = (outgoing.get(from.id) ?? []).filter((edge) => edge.to === to.id);
    // Level order inside a family is the stronger statement when both edges exist.
    const kind: LadderEdgeKind = edges.some((edge) => edge.kind === 'LEVEL_ORDER') ? 'LEVEL_ORDER' : 'LADDER_LINK';
    const gradeDelta = from.grade !== null && to.grade !== null ? to.grade - from.grade : null;
    return { from, to, kind, gradeDelta };
  });
  return { rank, gradeDrops, gradeGain, steps, transitions };
}
