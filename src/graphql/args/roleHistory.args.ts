import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from './page.args';

@ArgsType()
export class RoleHistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'Role key, `<family slug>#<slug of title>`, e.g. `sales/vp-of-commercial-sales#vp-of-commercial-sales`, or a global Role id (its key is used).' })
  id: string;
}
