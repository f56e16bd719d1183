import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RolegraphContext } from '../context';
import { Commit } from '../types/commit.type';
import { Repository } from '../types/repository.type';
import { IndexNotReadyError } from '../../index';
import type { CommitInfo, IndexStatus } from '../../index';
import { publicMessage } from '../../util';

/** Repository fields read the indexer's status, not the pinned view, so they answer while indexing. */
interface RepositoryData extends Omit<IndexStatus, 'phase'> {
  status: IndexStatus['phase'];
}

@Resolver(() => Repository)
export class RepositoryResolver {
  @Query(() => Repository, { description: 'The tracked repository and the state of its index: branch, status, progress, last refresh.' })
  repository(@Ctx() ctx: RolegraphContext): RepositoryData {
    const { phase, lastError, ...rest } = ctx.indexer.status();
    // Any client may read this: the reason without server paths (the log has the full text).
    return { ...rest, lastError: lastError === null ? null : publicMessage(lastError), status: phase };
  }

  @FieldResolver(() => Commit, { description: 'Head of the served index (INDEX_NOT_READY before the first index).' })
  head(@Root() repository: RepositoryData, @Ctx() ctx: RolegraphContext): CommitInfo {
    // Prefer the view pinned for this request, so `head` agrees with every other field of the answer.
    const head = ctx.view?.head.commit ?? repository.head;
    if (!head) throw new IndexNotReadyError('The index is still being built; try again shortly');
    return head;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Which replica answered: ROLEGRAPH_INSTANCE_ID, or its host name and process id. Null outside a server (`rolegraph query`).',
  })
  instance(@Ctx() ctx: RolegraphContext): string | null {
    return ctx.replica?.instance ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The newest head (commit sha) announced among the replicas through Redis: a push any replica accepted, or what the polling leader fetched. Null without Redis (ROLEGRAPH_REDIS_URL) or before the first announcement. A `head` behind it means this replica is still catching up.',
  })
  clusterHead(@Ctx() ctx: RolegraphContext): string | null {
    return ctx.replica?.clusterHead() ?? null;
  }
}
