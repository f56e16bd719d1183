import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class SearchArgs {
  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true })
  at?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of hits, default 20, at most 100.' })
  first?: number | null;
}
