import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { FieldChange } from './fieldChange.type';
import { Node } from './node.interface';
import { Role } from './role.type';
import type { ChangeKind as ChangeKindValue } from '../../index';

// `id` is global: the role's change between the diff's two commits (two diffs never share one).
@ObjectType({ implements: Node, description: 'How one role differs between the two sides of a diff.' })
export class RoleChange implements Node {
  @Field(() => ID, { description: 'Opaque global id naming this change between the two commits of the diff; pass it to `node(id:)`.' })
  id: string;

  @Field(() => String, { description: 'Readable role key, `<family slug>#<slug of title>`: at `to` (at `from` when REMOVED). For a role retitled or moved between the two (MOVED), its key at `from` is `before.key`.' })
  key: string;

  @Field(() => ChangeKind, { description: 'ADDED, MODIFIED, MOVED or REMOVED between `from` and `to`.' })
  change: ChangeKindValue;

  @Field(() => Role, { nullable: true, description: 'The role at `from`; null when ADDED.' })
  before: Role | null;

  @Field(() => Role, { nullable: true, description: 'The role at `to`; null when REMOVED.' })
  after: Role | null;

  @Field(() => [FieldChange], { description: 'Field-by-field differences; empty for ADDED and REMOVED.' })
  changes: FieldChange[];
}
