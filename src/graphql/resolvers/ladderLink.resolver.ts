import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import type { FamilyNode, LadderLinkNode } from '../nodes';
import { JobFamily } from '../types/family.type';
import { LadderLink } from '../types/ladderLink.type';

@Resolver(() => LadderLink)
export class LadderLinkResolver {
  @FieldResolver(() => JobFamily, { nullable: true, description: 'The family the link points at, when it exists in the same snapshot.' })
  async family(@Root() link: LadderLinkNode, @Ctx() ctx: RolegraphContext): Promise<FamilyNode | null> {
    if (!link.target) return null;
    return pinned(ctx).loaders.family.load({ at: link.at, slug: link.target });
  }
}
