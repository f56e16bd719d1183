import { ArgsType, Field, ID } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class CareerPathsArgs {
  @Field(() => ID, { description: 'Role to start from: its key (`<family slug>#<slug of title>`) or its global id (only the key is used; `at` says where to read).' })
  from: string;

  @Field(() => ID, { description: 'Role to reach: its key or its global id, as `from`.' })
  to: string;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
