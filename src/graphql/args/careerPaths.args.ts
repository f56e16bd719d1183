import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class CareerPathsArgs {
  @Field(() => ID)
  from: string;

  @Field(() => ID)
  to: string;

  @Field(() => String, { nullable: true })
  at?: string | null;
}
