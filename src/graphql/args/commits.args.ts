import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from './page.args';

@ArgsType()
export class CommitsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only commits touching this family (slug or page path); default the whole content folder.' })
  path?: string | null;
}
