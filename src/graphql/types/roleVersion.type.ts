import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { Commit } from './commit.type';
import { FieldChange } from './fieldChange.type';
import type { ChangeKind as ChangeKindValue } from '../../index';

// `role` is a field resolver (resolvers/history.resolver.ts): the role as it stood after the commit.
@ObjectType({ description: "A commit that changed a role's content." })
export class RoleVersion {
  @Field(() => Commit, { description: 'The commit that changed the role.' })
  commit: Commit;

  @Field(() => ChangeKind, { description: 'ADDED, MODIFIED, MOVED (the page moved, or the role was retitled: see previousId) or REMOVED by this commit.' })
  change: ChangeKindValue;

  @Field(() => String, { description: "Path of the family's page after the commit (before it, for REMOVED)." })
  path: string;

  @Field(() => [FieldChange], { description: 'Field-by-field differences from the previous version; empty for ADDED and REMOVED.' })
  changes: FieldChange[];

  @Field(() => ID, { nullable: true, description: "The role's id before this commit, when the commit retitled the role or moved its family's page to another folder; else null." })
  previousId: string | null;
}
