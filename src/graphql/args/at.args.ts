import { ArgsType, Field } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class AtArgs {
  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
