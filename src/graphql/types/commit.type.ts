import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from './dateTime.scalar';
import { Node } from './node.interface';

// Resolved from the git layer's CommitInfo; `id`, `shortSha` and `author` are field resolvers.
@ObjectType({ implements: Node, description: 'A commit of the tracked branch (or any commit a ref named).' })
export class Commit implements Node {
  id: string;

  @Field(() => String, { description: 'Full 40-character commit sha.' })
  sha: string;

  @Field(() => String, { description: 'Full commit message.' })
  message: string;

  @Field(() => String, { description: 'Author email as recorded in the commit.' })
  authorEmail: string;

  @Field(() => DateTimeISO, { description: 'Committer date.' })
  date: string;

  @Field(() => Int, { description: 'Position in the first-parent history of the branch, 0 = oldest.' })
  position: number;

  @Field(() => [String], { description: 'Full shas of the parent commits; the first is the first parent on the branch.' })
  parents: string[];
}
