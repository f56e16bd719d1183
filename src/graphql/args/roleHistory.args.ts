import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from './page.args';

@ArgsType()
export class RoleHistoryArgs extends PageArgs {
  @Field(() => ID)
  id: string;
}
