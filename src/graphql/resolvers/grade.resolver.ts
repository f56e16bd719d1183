import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { groupByGrade, type GradeGroup } from '../grades';
import { roleNode, type RoleNode } from '../nodes';
import { AtArgs } from '../args/at.args';
import { Grade } from '../types/grade.type';

@Resolver(() => Grade)
export class GradeResolver {
  @Query(() => [Grade], { description: 'Every grade used at a ref, lowest first, with its roles.' })
  async grades(@Args(() => AtArgs) { at }: AtArgs, @Ctx() ctx: RolegraphContext): Promise<GradeGroup<RoleNode>[]> {
    const snapshot = await pinned(ctx).loaders.snapshotByRef(at);
    return groupByGrade(snapshot.roles).map(({ level, roles }) => ({
      level,
      roles: roles.map((role) => roleNode(role, snapshot.commit)),
    }));
  }
}
