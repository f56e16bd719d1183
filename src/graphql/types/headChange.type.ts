import { Field, ID, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';

@ObjectType({ description: 'Published after every refresh that moved the served head.' })
export class HeadChange {
  @Field(() => Commit)
  head: Commit;

  @Field(() => Commit, { nullable: true })
  previousHead: Commit | null;

  @Field(() => [ID])
  changedRoleIds: string[];
}
