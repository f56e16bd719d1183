import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { roleNode, type RoleNode } from '../nodes';
import { SearchArgs } from '../args/search.args';
import { SearchHit } from '../types/searchHit.type';
import { BadUserInputError } from '../../index';
import { searchSnapshot, SEARCH_FIRST_MAX } from '../../index';

interface SearchHitData {
  role: RoleNode;
  score: number;
  snippet: string | null;
}

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over role titles, responsibilities and requirements, best first.' })
  async search(@Args(() => SearchArgs) { text, at, first }: SearchArgs, @Ctx() ctx: RolegraphContext): Promise<SearchHitData[]> {
    // Same limit as connections: asking for more than 100 is the client's mistake, not silently clamped.
    if (first != null && first > SEARCH_FIRST_MAX) throw new BadUserInputError(`first must be at most ${SEARCH_FIRST_MAX}, got ${first}`);
    const snapshot = await pinned(ctx).loaders.snapshotByRef(at);
    const hits: SearchHitData[] = [];
    for (const hit of searchSnapshot(snapshot, text, first)) {
      const role = snapshot.roleById.get(hit.roleId);
      if (role) hits.push({ role: roleNode(role, snapshot.commit), score: hit.score, snippet: hit.snippet });
    }
    return hits;
  }
}
