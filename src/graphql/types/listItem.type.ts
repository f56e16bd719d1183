import { Field, ObjectType } from 'type-graphql';
import { Commit } from './commit.type';

@ObjectType({ description: 'A bullet with its nested bullets; links are reduced to their text.' })
export class ListItem {
  @Field(() => String, { description: 'The bullet text, links reduced to their text.' })
  text: string;

  @Field(() => [ListItem], { description: 'Bullets nested under this one, in page order; empty for none.' })
  children: ListItem[];

  @Field(() => Commit, { description: "The commit where this bullet first appeared in the role's history, through retitles and family moves (an edited bullet keeps the commit of the bullet it rewords)." })
  since: Commit;

  @Field(() => Commit, { description: 'The commit of the last edit to this bullet (the commit that added it, if never edited since).' })
  lastChanged: Commit;
}
