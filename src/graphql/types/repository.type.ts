import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { RepositoryStatus } from './repositoryStatus.enum';
import type { IndexPhase } from '../../index/types';

@ObjectType({ description: 'What the indexer is doing right now.' })
export class IndexProgress {
  @Field(() => String, { description: '`fetch`, `timeline`, `parse` or `snapshot`.' })
  stage: string;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  total: number;
}

// `head` is a field resolver: it is null (INDEX_NOT_READY) until the first index is built.
@ObjectType({ description: 'The tracked handbook repository and the state of its index.' })
export class Repository {
  @Field(() => String, { description: 'Clone URL or path, without credentials.' })
  url: string;

  @Field(() => String)
  branch: string;

  @Field(() => String)
  contentDir: string;

  @Field(() => RepositoryStatus)
  status: IndexPhase;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => IndexProgress, { nullable: true })
  progress: IndexProgress | null;

  @Field(() => Int)
  commitCount: number;

  @Field(() => Int)
  familyCount: number;

  @Field(() => Int)
  parsedBlobCount: number;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the index was last confirmed current with the remote.' })
  lastRefreshAt: string | null;
}
