import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class FamilyArgs {
  @Field(() => String)
  slug: string;

  @Field(() => String, { nullable: true })
  at?: string | null;
}
