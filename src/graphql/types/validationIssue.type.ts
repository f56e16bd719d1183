import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Severity } from './severity.enum';
import type { Severity as SeverityValue } from '../../index';

@ObjectType({ description: 'A problem in the handbook content found by a lint rule.' })
export class ValidationIssue {
  @Field(() => String, { description: 'Stable id of the lint rule, e.g. `grade-in-range`.' })
  ruleId: string;

  @Field(() => Severity, { description: 'ERROR: a broken fact, e.g. a grade out of range (`rolegraph lint` exits 1); WARNING: something missing or unresolved.' })
  severity: SeverityValue;

  @Field(() => String, { description: 'What is wrong, for a person to read.' })
  message: string;

  @Field(() => String, { description: 'Slug of the page the problem is on.' })
  familySlug: string;

  @Field(() => ID, { nullable: true, description: 'Key of the role it concerns (`Role.key`, the same at every commit); null when it concerns the page as a whole.' })
  roleId: string | null;

  @Field(() => String, { description: 'Repository path of the page.' })
  path: string;

  @Field(() => Int, { nullable: true, description: '1-based line in the page; null when not tied to one line.' })
  line: number | null;
}
