import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { Commit } from './commit.type';
import { FieldChange } from './fieldChange.type';
import { Node } from './node.interface';
import type { ChangeKind as ChangeKindValue } from '../../index';

// `id` and `role` are field resolvers (resolvers/history.resolver.ts): `role` is the role as it
// stood after the commit.
@ObjectType({ implements: Node, description: "A commit that changed a role's content." })
export class RoleVersion implements Node {
  id: string;

  @Field(() => Commit, { description: 'The commit that changed the role.' })
  commit: Commit;

  @Field(() => ChangeKind, { description: 'ADDED, MODIFIED, MOVED (the page moved, or the role was retitled: see previousId) or REMOVED by this commit.' })
  change: ChangeKindValue;

  @Field(() => String, { description: "Path of the family's page after the commit (before it, for REMOVED)." })
  path: string;

  @Field(() => [FieldChange], { description: 'Field-by-field differences from the previous version; empty for ADDED and REMOVED.' })
  changes: FieldChange[];

  // Named for the readable key it holds (the index calls a role's key its id): `id`s are global here.
  @Field(() => String, { name: 'previousKey', nullable: true, description: "The role's readable key before this commit, when the commit retitled the role or moved its family's page to another folder; else null." })
  previousId: string | null;
}
