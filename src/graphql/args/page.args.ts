import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already read.' })
  after?: string | null;
}
