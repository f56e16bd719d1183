import { Field, ObjectType } from 'type-graphql';
import { FamilyKind } from './familyKind.enum';
import { Node } from './node.interface';
import { ParseWarning } from './parseWarning.type';

// id (global, at the page's commit), parent, children, roles, careerLadder and commit are field
// resolvers (resolvers/family.resolver.ts).
@ObjectType({ implements: Node, description: 'A job family page (or a department page), as it stood at one commit.' })
export class JobFamily implements Node {
  id: string;

  @Field(() => String, { description: 'URL slug, e.g. `sales/vp-of-commercial-sales`: readable and the same at every commit; what `family(slug:)` takes.' })
  slug: string;

  @Field(() => String, { description: 'Department, the first segment of the slug, e.g. `sales`.' })
  department: string;

  @Field(() => String, { description: 'Page title: the front matter `title`, else the first heading.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Introductory text of the page; null when the page has none.' })
  description: string | null;

  @Field(() => String, { description: 'Repository path the page was read from.' })
  path: string;

  @Field(() => FamilyKind, { description: 'A job family page, or a department page that holds no role.' })
  kind: (typeof FamilyKind)[keyof typeof FamilyKind];

  @Field(() => [String], { description: 'Steps of the Hiring Process section, one per bullet; empty when the page has none.' })
  hiringProcess: string[];

  @Field(() => [String], { description: 'Bullets of the Performance Indicators section shared by the family; empty when none.' })
  performanceIndicators: string[];

  @Field(() => [String], { description: 'Requirements shared by every role of the family.' })
  requirements: string[];

  @Field(() => [ParseWarning], { description: 'What the parser could not read as expected on this page; empty for a clean page.' })
  warnings: ParseWarning[];
}
