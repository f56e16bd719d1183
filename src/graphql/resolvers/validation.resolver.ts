import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { AtArgs } from '../args/at.args';
import { ValidationIssue } from '../types/validationIssue.type';
import { validateSnapshot } from '../../index';
import type { ValidationIssue as ValidationIssueData } from '../../index';

@Resolver(() => ValidationIssue)
export class ValidationResolver {
  @Query(() => [ValidationIssue], { description: 'Problems the lint rules find in the handbook at a ref (default head).' })
  async validation(@Args(() => AtArgs) { at }: AtArgs, @Ctx() ctx: RolegraphContext): Promise<ValidationIssueData[]> {
    return validateSnapshot(await pinned(ctx).loaders.snapshotByRef(at));
  }
}
