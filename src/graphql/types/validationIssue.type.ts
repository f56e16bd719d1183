import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Severity } from './severity.enum';
import type { Severity as SeverityValue } from '../../index/types';

@ObjectType({ description: 'A problem in the handbook content found by a lint rule.' })
export class ValidationIssue {
  @Field(() => String)
  ruleId: string;

  @Field(() => Severity)
  severity: SeverityValue;

  @Field(() => String)
  message: string;

  @Field(() => String)
  familySlug: string;

  @Field(() => ID, { nullable: true })
  roleId: string | null;

  @Field(() => String)
  path: string;

  @Field(() => Int, { nullable: true })
  line: number | null;
}
