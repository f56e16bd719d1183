import { Field, ID, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';

@ObjectType()
export class RefreshResult {
  @Field(() => Commit)
  head: Commit;

  @Field(() => Commit, { nullable: true })
  previousHead: Commit | null;

  @Field(() => [ID], { description: 'Roles added, removed or modified between the previous head and the new one.' })
  changedRoleIds: string[];
}
