import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { blamedItems, formerIdsAt, versionAt, type BlamedItem } from '../blame';
import { pinned, type RolegraphContext } from '../context';
import { roleGlobalId, roleKeyOf } from '../globalId';
import { roleNode, type FamilyNode, type RoleNode } from '../nodes';
import { asOf, snapshotForPage, timelineCommitForPage } from '../pagedRead';
import { paginate } from '../pagination';
import { filterRoles } from '../roleFilter';
import { PageArgs } from '../args/page.args';
import { RoleArgs } from '../args/role.args';
import { RolesArgs } from '../args/roles.args';
import { Commit } from '../types/commit.type';
import { RoleConnection, RoleVersionConnection } from '../types/connections';
import { JobFamily } from '../types/family.type';
import { ListItem } from '../types/listItem.type';
import { Role } from '../types/role.type';
import { extendedRole, nextRoles, previousRoles, roleByTitle } from '../../index';
import type { CommitInfo, RoleVersion, Snapshot } from '../../index';
import type { ConnectionData } from '../pagination';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true, description: 'A role by id at a ref (default head); null when it does not exist there.' })
  role(@Args(() => RoleArgs) { id, at }: RoleArgs, @Ctx() ctx: RolegraphContext): RoleNode | null | Promise<RoleNode | null> {
    const { view, loaders } = pinned(ctx);
    const key = roleKeyOf(id);
    // At the head (no `at`) the snapshot is in hand: answer without a promise, so the most common
    // lookup starts no deadline race and waits for no DataLoader tick.
    if (at === null || at === undefined) return loaders.roleIn(view.head, key, view.head.commit);
    return loaders.snapshotByRef(at).then((snapshot) => loaders.role.load({ at: snapshot.commit, id: key }));
  }

  @Query(() => RoleConnection, { description: 'Roles at a ref, in family slug and level order, paged; `filter` narrows them. `totalCount` counts the filtered roles.' })
  async roles(@Args(() => RolesArgs) args: RolesArgs, @Ctx() ctx: RolegraphContext): Promise<ConnectionData<RoleNode>> {
    const snapshot = await snapshotForPage(pinned(ctx).loaders, args);
    return paginate(filterRoles(snapshot.roles, args.filter), args, (role) => roleNode(role, snapshot.commit), snapshot.commit.sha);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id naming the role at the commit of its snapshot (`commit`): two states of a role never share one. Pass it to `node(id:)`.' })
  id(@Root() role: RoleNode): string {
    return roleGlobalId(role.id, role.at.sha);
  }

  @FieldResolver(() => String, {
    description: 'Readable role key, `<family slug>#<slug of title>`, the same at every commit: what `role(id:)`, `roleHistory(id:)` and `careerPaths` take.',
  })
  key(@Root() role: RoleNode): string {
    return role.id;
  }

  @FieldResolver(() => JobFamily, { description: 'The job family page that holds the role, at the same commit.' })
  family(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): FamilyNode | Promise<FamilyNode> {
    const { loaders } = pinned(ctx);
    // The role's own snapshot is almost always in hand (it was read from it): answer without a
    // promise, so a page of roles stays synchronous in graphql-js instead of awaiting 50 loads.
    const snapshot = loaders.loadedSnapshot(role.at);
    if (snapshot) return familyOf(role, loaders.familyIn(snapshot, role.familySlug, role.at));
    return loaders.family.load({ at: role.at, slug: role.familySlug }).then((family) => familyOf(role, family));
  }

  @FieldResolver(() => Commit, { description: 'The commit of the snapshot this role was read from.' })
  commit(@Root() role: RoleNode): CommitInfo {
    return role.at;
  }

  @FieldResolver(() => [String], { description: "The role's own performance indicators, else its family's." })
  async performanceIndicators(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): Promise<string[]> {
    if (role.performanceIndicators.length > 0) return role.performanceIndicators;
    const family = await pinned(ctx).loaders.family.load({ at: role.at, slug: role.familySlug });
    return family?.performanceIndicators ?? [];
  }

  @FieldResolver(() => Role, { name: 'extends', nullable: true, description: 'The role this one extends, resolved by title.' })
  async extendsRole(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): Promise<RoleNode | null> {
    const snapshot = await pinned(ctx).loaders.snapshotByCommit.load(role.at);
    const found = extendedRole(snapshot, role);
    return found && roleNode(found, role.at);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'The role named by reportsTo, when one role in the handbook has that title.' })
  async reportsToRole(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): Promise<RoleNode | null> {
    if (!role.reportsTo) return null;
    const snapshot = await pinned(ctx).loaders.snapshotByCommit.load(role.at);
    const found = roleByTitle(snapshot, role.reportsTo, role.familySlug, role.id);
    return found && roleNode(found, role.at);
  }

  @FieldResolver(() => [Role], { description: 'Roles one ladder step up (career-ladder links and level order).' })
  async nextRoles(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): Promise<RoleNode[]> {
    return this.neighbours(role, ctx, nextRoles);
  }

  @FieldResolver(() => [Role], { description: 'Roles one ladder step down.' })
  async previousRoles(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): Promise<RoleNode[]> {
    return this.neighbours(role, ctx, previousRoles);
  }

  @FieldResolver(() => [String], { description: "The readable keys this role had before, oldest first, as of its commit: the chain of retitles and family moves its history follows (`role`, `roleHistory` answer any of them)." })
  formerKeys(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): string[] {
    return formerIdsAt(pinned(ctx).view, role);
  }

  @FieldResolver(() => [ListItem])
  responsibilityItems(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): BlamedItem[] {
    return blamedItems(role.responsibilityItems, versionAt(pinned(ctx).view, role)?.blame.responsibilities, role.at);
  }

  @FieldResolver(() => [ListItem])
  requirementItems(@Root() role: RoleNode, @Ctx() ctx: RolegraphContext): BlamedItem[] {
    return blamedItems(role.requirementItems, versionAt(pinned(ctx).view, role)?.blame.requirements, role.at);
  }

  @FieldResolver(() => RoleVersionConnection, { description: 'Commits that changed this role, newest first (whole history through its retitles and family moves, whatever the snapshot).' })
  history(@Root() role: RoleNode, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RolegraphContext): ConnectionData<RoleVersion> {
    const { view } = pinned(ctx);
    const asOfCommit = timelineCommitForPage(view, page);
    return paginate(asOf(view.roleHistory(role.id), asOfCommit, (version) => version.commit), page, (version) => version, asOfCommit.sha);
  }

  private async neighbours(
    role: RoleNode,
    ctx: RolegraphContext,
    step: (snapshot: Snapshot, roleId: string) => readonly string[],
  ): Promise<RoleNode[]> {
    const { loaders } = pinned(ctx);
    const snapshot = await loaders.snapshotByCommit.load(role.at);
    // Two edges (a ladder link and level order) may join the same pair; list each role once.
    const ids = [...new Set(step(snapshot, role.id))];
    const nodes = await loaders.role.loadMany(ids.map((id) => ({ at: role.at, id })));
    return nodes.filter((node): node is RoleNode => node !== null && !(node instanceof Error));
  }
}

function familyOf(role: RoleNode, family: FamilyNode | null): FamilyNode {
  if (!family) throw new Error(`role ${role.id} has no family ${role.familySlug} at ${role.at.sha}`);
  return family;
}
