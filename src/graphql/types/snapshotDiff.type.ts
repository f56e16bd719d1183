import { Field, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';
import { FamilyChange } from './familyChange.type';
import { RoleChange } from './roleChange.type';

@ObjectType({ description: 'Structural differences between the snapshots at two refs.' })
export class SnapshotDiff {
  @Field(() => Commit)
  from: Commit;

  @Field(() => Commit)
  to: Commit;

  @Field(() => [FamilyChange])
  families: FamilyChange[];

  @Field(() => [RoleChange])
  roles: RoleChange[];
}
