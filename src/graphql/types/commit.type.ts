import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

// Resolved from the git layer's CommitInfo; `shortSha` and `author` are field resolvers.
@ObjectType({ description: 'A commit of the tracked branch (or any commit a ref named).' })
export class Commit {
  @Field(() => String)
  sha: string;

  @Field(() => String)
  message: string;

  @Field(() => String)
  authorEmail: string;

  @Field(() => GraphQLDateTimeISO, { description: 'Committer date.' })
  date: string;

  @Field(() => Int, { description: 'Position in the first-parent history of the branch, 0 = oldest.' })
  position: number;

  @Field(() => [String])
  parents: string[];
}
