import { Field, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { FieldChange } from './fieldChange.type';
import { JobFamily } from './family.type';
import type { ChangeKind as ChangeKindValue } from '../../index/types';

@ObjectType({ description: 'How one family page differs between the two sides of a diff.' })
export class FamilyChange {
  @Field(() => String)
  slug: string;

  @Field(() => ChangeKind)
  change: ChangeKindValue;

  @Field(() => String, { nullable: true })
  beforePath: string | null;

  @Field(() => String, { nullable: true })
  afterPath: string | null;

  @Field(() => JobFamily, { nullable: true })
  before: JobFamily | null;

  @Field(() => JobFamily, { nullable: true })
  after: JobFamily | null;

  @Field(() => [FieldChange])
  changes: FieldChange[];
}
