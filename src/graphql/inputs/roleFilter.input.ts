import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'Every given condition must hold.' })
export class RoleFilter {
  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => String, { nullable: true })
  familySlug?: string | null;

  @Field(() => Float, { nullable: true, description: 'Inclusive; roles without a grade never match.' })
  gradeMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Inclusive; roles without a grade never match.' })
  gradeMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title.' })
  titleContains?: string | null;

  @Field(() => Boolean, { nullable: true })
  hasGrade?: boolean | null;
}
