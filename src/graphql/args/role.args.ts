import { ArgsType, Field, ID } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class RoleArgs {
  @Field(() => ID, { description: 'Role id, `<family slug>#<slug of title>`, e.g. `sales/vp-of-commercial-sales#vp-of-commercial-sales`.' })
  id: string;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
