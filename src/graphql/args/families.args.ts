import { ArgsType, Field } from 'type-graphql';
import { FamilyKind } from '../types/familyKind.enum';
import { PageArgs } from './page.args';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class FamiliesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;

  @Field(() => String, { nullable: true, description: 'Only pages of this department: the first segment of the slug, e.g. `sales`.' })
  department?: string | null;

  @Field(() => FamilyKind, { nullable: true, description: 'Only families, or only department pages; default both.' })
  kind?: (typeof FamilyKind)[keyof typeof FamilyKind] | null;
}
