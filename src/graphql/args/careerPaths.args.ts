import { ArgsType, Field, ID } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class CareerPathsArgs {
  @Field(() => ID, { description: 'Role id to start from (`<family slug>#<slug of title>`).' })
  from: string;

  @Field(() => ID, { description: 'Role id to reach.' })
  to: string;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
