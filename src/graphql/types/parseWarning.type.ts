import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Something the parser could not read as expected; the page is still served.' })
export class ParseWarning {
  @Field(() => String, { description: 'Stable kind of problem, e.g. `front-matter-yaml`, `grade-missing`.' })
  code: string;

  @Field(() => String, { description: 'What was not understood, for a person to read.' })
  message: string;

  @Field(() => Int, { nullable: true, description: '1-based line in the page; null when the problem is not tied to one line.' })
  line: number | null;

  @Field(() => String, { nullable: true, description: 'Title of the role it concerns.' })
  role: string | null;
}
