import { Args, Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { commitGlobalId } from '../globalId';
import { asOf, timelineCommitForPage } from '../pagedRead';
import { paginate, type ConnectionData } from '../pagination';
import { CommitsArgs } from '../args/commits.args';
import { Commit } from '../types/commit.type';
import { CommitConnection } from '../types/connections';
import type { CommitInfo } from '../../index';

const SHORT_SHA_LENGTH = 8;
const REF_DESCRIPTION =
  'A full or abbreviated sha, a branch, a tag, or an ISO date (`2021-03-04` or `2021-03-04T10:00:00Z`: the last commit of the tracked branch at or before it). Unknown or malformed → BAD_REF.';

@Resolver(() => Commit)
export class CommitResolver {
  @Query(() => Commit, { nullable: true, description: 'The commit a ref names; a ref that names no commit answers the error BAD_REF.' })
  commit(@Arg('ref', () => String, { description: REF_DESCRIPTION }) ref: string, @Ctx() ctx: RolegraphContext): Promise<CommitInfo> {
    return pinned(ctx).view.resolveRef(ref);
  }

  @Query(() => CommitConnection, { description: 'Commits that changed the handbook (or one family), newest first.' })
  commits(@Args(() => CommitsArgs) args: CommitsArgs, @Ctx() ctx: RolegraphContext): ConnectionData<CommitInfo> {
    const { view } = pinned(ctx);
    const asOfCommit = timelineCommitForPage(view, args);
    return paginate(asOf(view.commitsTouching(args.path), asOfCommit, (commit) => commit), args, (commit) => commit, asOfCommit.sha);
  }

  @FieldResolver(() => ID, { description: 'Opaque global id of the commit; pass it to `node(id:)`.' })
  id(@Root() commit: CommitInfo): string {
    return commitGlobalId(commit.sha);
  }

  @FieldResolver(() => String, { description: 'The first 8 characters of `sha`, for display; any unique prefix works as a ref.' })
  shortSha(@Root() commit: CommitInfo): string {
    return commit.sha.slice(0, SHORT_SHA_LENGTH);
  }

  @FieldResolver(() => String, { description: 'Author name.' })
  author(@Root() commit: CommitInfo): string {
    return commit.authorName;
  }
}
