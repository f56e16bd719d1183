import { ArgsType, Field } from 'type-graphql';
import { FamilyKind } from '../types/familyKind.enum';
import { PageArgs } from './page.args';

@ArgsType()
export class FamiliesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'A sha, branch, tag or ISO date; default head.' })
  at?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => FamilyKind, { nullable: true, description: 'Only families, or only department pages; default both.' })
  kind?: (typeof FamilyKind)[keyof typeof FamilyKind] | null;
}
