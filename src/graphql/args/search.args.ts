import { ArgsType, Field, Int } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: 'Words to look for, at most 500 characters; matched fuzzily and by prefix. Longer → BAD_USER_INPUT.' })
  text: string;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of hits, default 20, at most 100.' })
  first?: number | null;
}
