import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class AtArgs {
  @Field(() => String, { nullable: true, description: 'A sha, branch, tag or ISO date; default head.' })
  at?: string | null;
}
