import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ListItem } from './listItem.type';
import { Node } from './node.interface';

// Plain fields come straight from the parsed Role; id (global, at the role's commit), key, family,
// extends, nextRoles, history, ... are field resolvers in resolvers/role.resolver.ts.
@ObjectType({ implements: Node, description: 'One role (or level) of a job family, as it stood at one commit.' })
export class Role implements Node {
  id: string;

  @Field(() => String, { description: 'Role title as written in its heading, e.g. `VP of Commercial Sales`.' })
  title: string;

  @Field(() => Float, { nullable: true, description: 'Numeric grade; the lowest for "grade 11 or a grade 12". Null when none is stated.' })
  grade: number | null;

  @Field(() => String, { nullable: true, description: 'The grade as written, e.g. `grade 10+`.' })
  gradeText: string | null;

  @Field(() => String, { description: 'Slug of the job family page that holds the role (the part of `key` before `#`).' })
  familySlug: string;

  @Field(() => [String], { description: 'Paragraphs describing the role, outside its lists.' })
  description: string[];

  @Field(() => [String], { description: 'One string per top-level bullet.' })
  responsibilities: string[];

  @Field(() => [ListItem], { description: 'The responsibilities with their nested bullets, each with its blame (`since`, `lastChanged`).' })
  responsibilityItems: ListItem[];

  @Field(() => [String], { description: 'One string per top-level bullet of the requirements list.' })
  requirements: string[];

  @Field(() => [ListItem], { description: 'The requirements with their nested bullets, each with its blame (`since`, `lastChanged`).' })
  requirementItems: ListItem[];

  @Field(() => String, { nullable: true, description: 'Title of the role this one reports to, as written.' })
  reportsTo: string | null;

  @Field(() => Int, { description: 'Position among the family roles (level order), from 0.' })
  order: number;

  @Field(() => Int, { description: "1-based line of the role's heading in the page." })
  line: number;
}
