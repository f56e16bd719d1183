import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class LadderArgs {
  @Field(() => String, { nullable: true, description: 'Only roles of this department.' })
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only roles connected to this one.' })
  role?: string | null;

  @Field(() => String, { nullable: true })
  at?: string | null;
}
