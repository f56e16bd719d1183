import { Field, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';
import { FamilyChange } from './familyChange.type';
import { RoleChange } from './roleChange.type';

@ObjectType({ description: 'Structural differences between the snapshots at two refs.' })
export class SnapshotDiff {
  @Field(() => Commit, { description: 'The commit `from` named.' })
  from: Commit;

  @Field(() => Commit, { description: 'The commit `to` named.' })
  to: Commit;

  @Field(() => [FamilyChange], { description: 'Family and department pages that differ, by slug; unchanged pages are left out.' })
  families: FamilyChange[];

  @Field(() => [RoleChange], { description: 'Roles that differ, by id; unchanged roles are left out.' })
  roles: RoleChange[];
}
