import { Field, Int, ObjectType } from 'type-graphql';
import { RepositoryStatus } from './repositoryStatus.enum';
import type { IndexPhase } from '../../index';
import { DateTimeISO } from './dateTime.scalar';

@ObjectType({ description: 'What the indexer is doing right now.' })
export class IndexProgress {
  @Field(() => String, { description: '`fetch`, `timeline`, `parse` or `snapshot`.' })
  stage: string;

  @Field(() => Int, { description: 'Items finished in the current stage.' })
  done: number;

  @Field(() => Int, { description: 'Items the current stage has to do.' })
  total: number;
}

// `head` is a field resolver: it is null (INDEX_NOT_READY) until the first index is built.
@ObjectType({ description: 'The tracked handbook repository and the state of its index.' })
export class Repository {
  @Field(() => String, { description: 'Clone URL or path, without credentials.' })
  url: string;

  @Field(() => String, { description: 'The tracked branch, e.g. `main`.' })
  branch: string;

  @Field(() => String, { description: 'The job-families folder inside the repository, e.g. `content/job-families`.' })
  contentDir: string;

  @Field(() => RepositoryStatus, { description: 'What the indexer is doing: STARTING, CLONING, INDEXING, READY, REFRESHING or FAILED.' })
  status: IndexPhase;

  @Field(() => String, { nullable: true, description: 'Why the last clone, fetch or index failed; null when it succeeded.' })
  lastError: string | null;

  @Field(() => IndexProgress, { nullable: true, description: 'Progress of the clone or index under way; null when idle.' })
  progress: IndexProgress | null;

  @Field(() => Int, { description: 'Commits of the tracked branch in the index (first-parent history).' })
  commitCount: number;

  @Field(() => Int, { description: 'Family and department pages at the head.' })
  familyCount: number;

  @Field(() => Int, { description: 'Distinct page versions parsed so far (each is parsed once, ever).' })
  parsedBlobCount: number;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the index was last confirmed current with the remote.' })
  lastRefreshAt: string | null;
}
