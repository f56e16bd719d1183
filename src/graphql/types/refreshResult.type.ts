import { Field, ID, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';

@ObjectType({ description: 'What a refresh did: the head before and after, and the roles it changed.' })
export class RefreshResult {
  @Field(() => Commit, { description: 'Head of the index after the refresh.' })
  head: Commit;

  @Field(() => Commit, { nullable: true, description: 'Head before the refresh; null when there was no index yet.' })
  previousHead: Commit | null;

  @Field(() => [ID], { description: 'Keys (`Role.key`) of the roles added, removed or modified between the previous head and the new one.' })
  changedRoleIds: string[];
}
