import { Field, ID, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';

@ObjectType({ description: 'Published after every refresh that moved the served head.' })
export class HeadChange {
  @Field(() => Commit, { description: 'The new head of the served index.' })
  head: Commit;

  @Field(() => Commit, { nullable: true, description: 'The head served before; null on the first index.' })
  previousHead: Commit | null;

  @Field(() => [ID], { description: 'Keys (`Role.key`) of the roles added, removed or modified between the two heads.' })
  changedRoleIds: string[];
}
