import { ArgsType, Field, ID } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class LadderArgs {
  @Field(() => String, { nullable: true, description: 'Only roles of this department.' })
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only roles connected to this one: its key (`<family slug>#<slug of title>`) or its global id (only the key is used).' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
