import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class DiffArgs {
  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;
}
