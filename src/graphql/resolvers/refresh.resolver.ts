import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { RolegraphContext } from '../context';
import { UnauthenticatedError } from '../errors';
import { RefreshResult } from '../types/refreshResult.type';
import type { RefreshResult as RefreshResultData } from '../../index';

@Resolver()
export class RefreshResolver {
  @Mutation(() => RefreshResult, { description: 'Fetch the repository and index what changed. Admins only.' })
  refresh(@Ctx() ctx: RolegraphContext): Promise<RefreshResultData> {
    if (!ctx.isAdmin) throw new UnauthenticatedError('refresh requires an admin token');
    return ctx.refresh();
  }
}
