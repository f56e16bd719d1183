import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "An entry of a family's Career Ladder section." })
export class LadderLink {
  @Field(() => String, { description: 'The entry text as written (the link text for a link).' })
  text: string;

  @Field(() => String, { nullable: true, description: 'Family slug the link points at; null for unlinked prose.' })
  target: string | null;

  @Field(() => String, { nullable: true, description: 'Fragment of the link (after `#`), naming a role of the target page; null when none.' })
  anchor: string | null;

  @Field(() => String, { nullable: true, description: 'The link as written.' })
  href: string | null;
}
