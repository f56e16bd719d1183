import { ArgsType, Field, ID } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class RoleArgs {
  @Field(() => ID, {
    description:
      "Role key, `<family slug>#<slug of title>`, e.g. `sales/vp-of-commercial-sales#vp-of-commercial-sales`; a global Role id is accepted too and stands for its key (`at` still says where to read: for the role at the id's own commit, use `node(id:)`).",
  })
  id: string;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
