import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One field that differs between two versions. Lists also give the items added and removed.' })
export class FieldChange {
  @Field(() => String, { description: 'Name of the field that differs, e.g. `grade`, `title`, `responsibilities`.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'Value before, as text (list items one per line); null when it was unset or empty.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'Value after, as text (list items one per line); null when it is unset or empty.' })
  after: string | null;

  @Field(() => [String], { description: 'For lists: items only in the newer version; empty for plain values.' })
  added: string[];

  @Field(() => [String], { description: 'For lists: items only in the older version; empty for plain values.' })
  removed: string[];
}
