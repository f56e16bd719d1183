import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A bullet with its nested bullets; links are reduced to their text.' })
export class ListItem {
  @Field(() => String, { description: 'The bullet text, links reduced to their text.' })
  text: string;

  @Field(() => [ListItem], { description: 'Bullets nested under this one, in page order; empty for none.' })
  children: ListItem[];
}
