import { ArgsType, Field } from 'type-graphql';
import { RoleFilter } from '../inputs/roleFilter.input';
import { PageArgs } from './page.args';

@ArgsType()
export class RolesArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  at?: string | null;

  @Field(() => RoleFilter, { nullable: true })
  filter?: RoleFilter | null;
}
