import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A bullet with its nested bullets; links are reduced to their text.' })
export class ListItem {
  @Field(() => String)
  text: string;

  @Field(() => [ListItem])
  children: ListItem[];
}
