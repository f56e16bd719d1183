import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { roleKeyOf, roleVersionGlobalId } from '../globalId';
import { roleNode, type RoleNode } from '../nodes';
import { asOf, timelineCommitForPage } from '../pagedRead';
import { paginate, type ConnectionData } from '../pagination';
import { RoleHistoryArgs } from '../args/roleHistory.args';
import { RoleVersionConnection } from '../types/connections';
import { Role } from '../types/role.type';
import { RoleVersion } from '../types/roleVersion.type';
import { NotFoundError } from '../../index';
import type { RoleVersion as RoleVersionData } from '../../index';

@Resolver(() => RoleVersion)
export class HistoryResolver {
  @Query(() => RoleVersionConnection, { description: 'Commits that changed a role, newest first, through its retitles and family moves (a former id answers with the same chain). Unknown id → NOT_FOUND.' })
  roleHistory(@Args(() => RoleHistoryArgs) args: RoleHistoryArgs, @Ctx() ctx: RolegraphContext): ConnectionData<RoleVersionData> {
    const { view } = pinned(ctx);
    const versions = view.roleHistory(roleKeyOf(args.id));
    if (versions.length === 0) throw new NotFoundError(`No role with id ${JSON.stringify(args.id)} in the history`);
    const asOfCommit = timelineCommitForPage(view, args);
    return paginate(asOf(versions, asOfCommit, (version) => version.commit), args, (version) => version, asOfCommit.sha);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id naming this version: the role key and the commit that made it. Pass it to `node(id:)`.' })
  id(@Root() version: RoleVersionData): string {
    return roleVersionGlobalId(version.role.id, version.commit.sha);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'The role after the commit; for REMOVED, as it was just before.' })
  role(@Root() version: RoleVersionData, @Ctx() ctx: RolegraphContext): RoleNode {
    // A removed role no longer exists at its commit, so it links into the snapshot before it.
    const { view } = pinned(ctx);
    const at = version.change === 'REMOVED' ? (view.timeline[version.commit.position - 1] ?? version.commit) : version.commit;
    return roleNode(version.role, at);
  }
}
