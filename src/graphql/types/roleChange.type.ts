import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { FieldChange } from './fieldChange.type';
import { Role } from './role.type';
import type { ChangeKind as ChangeKindValue } from '../../index/types';

@ObjectType({ description: 'How one role differs between the two sides of a diff.' })
export class RoleChange {
  @Field(() => ID)
  id: string;

  @Field(() => ChangeKind)
  change: ChangeKindValue;

  @Field(() => Role, { nullable: true })
  before: Role | null;

  @Field(() => Role, { nullable: true })
  after: Role | null;

  @Field(() => [FieldChange])
  changes: FieldChange[];
}
