import { Args, Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { paginate, type ConnectionData } from '../pagination';
import { CommitsArgs } from '../args/commits.args';
import { Commit } from '../types/commit.type';
import { CommitConnection } from '../types/connections';
import type { CommitInfo } from '../../index/types';

const SHORT_SHA_LENGTH = 8;

@Resolver(() => Commit)
export class CommitResolver {
  @Query(() => Commit, { nullable: true, description: 'The commit a ref names (sha, branch, tag, or ISO date = last commit at or before it).' })
  commit(@Arg('ref', () => String) ref: string, @Ctx() ctx: RolegraphContext): Promise<CommitInfo> {
    return pinned(ctx).view.resolveRef(ref);
  }

  @Query(() => CommitConnection, { description: 'Commits that changed the handbook (or one family), newest first.' })
  commits(@Args(() => CommitsArgs) args: CommitsArgs, @Ctx() ctx: RolegraphContext): ConnectionData<CommitInfo> {
    return paginate(pinned(ctx).view.commitsTouching(args.path), args, (commit) => commit);
  }

  @FieldResolver(() => String)
  shortSha(@Root() commit: CommitInfo): string {
    return commit.sha.slice(0, SHORT_SHA_LENGTH);
  }

  @FieldResolver(() => String, { description: 'Author name.' })
  author(@Root() commit: CommitInfo): string {
    return commit.authorName;
  }
}
