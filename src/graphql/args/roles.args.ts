import { ArgsType, Field } from 'type-graphql';
import { RoleFilter } from '../inputs/roleFilter.input';
import { PageArgs } from './page.args';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class RolesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;

  @Field(() => RoleFilter, { nullable: true, description: 'Conditions every returned role must meet; omitted = all roles.' })
  filter?: RoleFilter | null;
}
