import { Field, ObjectType } from 'type-graphql';
import { FamilyKind } from './familyKind.enum';
import { ParseWarning } from './parseWarning.type';

// parent, children, roles, careerLadder and commit are field resolvers (resolvers/family.resolver.ts).
@ObjectType({ description: 'A job family page (or a department page), as it stood at one commit.' })
export class JobFamily {
  @Field(() => String, { description: 'URL slug, e.g. `sales/vp-of-commercial-sales`.' })
  slug: string;

  @Field(() => String)
  department: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { description: 'Repository path the page was read from.' })
  path: string;

  @Field(() => FamilyKind)
  kind: (typeof FamilyKind)[keyof typeof FamilyKind];

  @Field(() => [String])
  hiringProcess: string[];

  @Field(() => [String])
  performanceIndicators: string[];

  @Field(() => [String], { description: 'Requirements shared by every role of the family.' })
  requirements: string[];

  @Field(() => [ParseWarning])
  warnings: ParseWarning[];
}
