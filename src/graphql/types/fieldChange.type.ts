import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One field that differs between two versions. Lists also give the items added and removed.' })
export class FieldChange {
  @Field(() => String)
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;

  @Field(() => [String])
  added: string[];

  @Field(() => [String])
  removed: string[];
}
