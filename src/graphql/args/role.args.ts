import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class RoleArgs {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  at?: string | null;
}
