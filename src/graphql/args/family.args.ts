import { ArgsType, Field } from 'type-graphql';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class FamilyArgs {
  @Field(() => String, { description: 'Family slug, the page path under the job-families folder without `.md`, e.g. `sales/vp-of-commercial-sales`.' })
  slug: string;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;
}
