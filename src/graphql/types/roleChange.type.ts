import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { FieldChange } from './fieldChange.type';
import { Role } from './role.type';
import type { ChangeKind as ChangeKindValue } from '../../index';

@ObjectType({ description: 'How one role differs between the two sides of a diff.' })
export class RoleChange {
  @Field(() => ID, { description: 'Role id, `<family slug>#<slug of title>`: at `to` (at `from` when REMOVED). For a role retitled or moved between the two (MOVED), its id at `from` is `before.id`.' })
  id: string;

  @Field(() => ChangeKind, { description: 'ADDED, MODIFIED, MOVED or REMOVED between `from` and `to`.' })
  change: ChangeKindValue;

  @Field(() => Role, { nullable: true, description: 'The role at `from`; null when ADDED.' })
  before: Role | null;

  @Field(() => Role, { nullable: true, description: 'The role at `to`; null when REMOVED.' })
  after: Role | null;

  @Field(() => [FieldChange], { description: 'Field-by-field differences; empty for ADDED and REMOVED.' })
  changes: FieldChange[];
}
