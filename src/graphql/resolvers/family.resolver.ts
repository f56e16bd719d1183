import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { familyGlobalId } from '../globalId';
import { familyNode, ladderLinkNode, roleNode, type FamilyNode, type LadderLinkNode, type RoleNode } from '../nodes';
import { snapshotForPage } from '../pagedRead';
import { paginate, type ConnectionData } from '../pagination';
import { FamiliesArgs } from '../args/families.args';
import { FamilyArgs } from '../args/family.args';
import { Commit } from '../types/commit.type';
import { JobFamilyConnection } from '../types/connections';
import { JobFamily } from '../types/family.type';
import { LadderLink } from '../types/ladderLink.type';
import { Role } from '../types/role.type';
import { snapshotGraph } from '../../index';
import type { CommitInfo } from '../../index';

@Resolver(() => JobFamily)
export class FamilyResolver {
  @Query(() => JobFamilyConnection, { description: 'Family and department pages at a ref, sorted by slug.' })
  async families(@Args(() => FamiliesArgs) args: FamiliesArgs, @Ctx() ctx: RolegraphContext): Promise<ConnectionData<FamilyNode>> {
    const snapshot = await snapshotForPage(pinned(ctx).loaders, args);
    const { department, kind } = args;
    const selected =
      department == null && kind == null
        ? snapshot.families
        : snapshot.families.filter((f) => (department == null || f.department === department) && (kind == null || f.kind === kind));
    return paginate(selected, args, (family) => familyNode(family, snapshot.commit), snapshot.commit.sha);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id naming the page at the commit of its snapshot (`commit`): two states never share one. Pass it to `node(id:)`.' })
  id(@Root() family: FamilyNode): string {
    return familyGlobalId(family.slug, family.at.sha);
  }

  @Query(() => JobFamily, { nullable: true, description: 'A family by slug at a ref; null when it does not exist there.' })
  async family(@Args(() => FamilyArgs) { slug, at }: FamilyArgs, @Ctx() ctx: RolegraphContext): Promise<FamilyNode | null> {
    const { loaders } = pinned(ctx);
    const snapshot = await loaders.snapshotByRef(at);
    return loaders.family.load({ at: snapshot.commit, slug });
  }

  @FieldResolver(() => [Role], { description: 'Roles (levels) of the family in page order; empty for a department page.' })
  roles(@Root() family: FamilyNode): RoleNode[] {
    return family.roles.map((role) => roleNode(role, family.at));
  }

  @FieldResolver(() => JobFamily, { nullable: true, description: 'The family whose folder holds this page.' })
  async parent(@Root() family: FamilyNode, @Ctx() ctx: RolegraphContext): Promise<FamilyNode | null> {
    if (!family.parentSlug) return null;
    return pinned(ctx).loaders.family.load({ at: family.at, slug: family.parentSlug });
  }

  @FieldResolver(() => [JobFamily], { description: 'Pages in the folder of this page (a department page lists its families); empty when none.' })
  async children(@Root() family: FamilyNode, @Ctx() ctx: RolegraphContext): Promise<FamilyNode[]> {
    const snapshot = await pinned(ctx).loaders.snapshotByCommit.load(family.at);
    return (snapshotGraph(snapshot).childrenOf.get(family.slug) ?? []).map((child) => familyNode(child, family.at));
  }

  @FieldResolver(() => [LadderLink], { description: 'Entries of the Career Ladder section, in page order; empty when the page has none.' })
  careerLadder(@Root() family: FamilyNode): LadderLinkNode[] {
    return family.careerLadder.map((link) => ladderLinkNode(link, family.at));
  }

  @FieldResolver(() => Commit, { description: 'The commit of the snapshot this page was read from.' })
  commit(@Root() family: FamilyNode): CommitInfo {
    return family.at;
  }
}
