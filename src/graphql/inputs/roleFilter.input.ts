import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'Every given condition must hold.' })
export class RoleFilter {
  @Field(() => String, { nullable: true, description: 'Only roles of this department: the first segment of the family slug, e.g. `sales`.' })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'Only roles of this family, e.g. `sales/vp-of-commercial-sales`.' })
  familySlug?: string | null;

  @Field(() => Float, { nullable: true, description: 'Inclusive; roles without a grade never match.' })
  gradeMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Inclusive; roles without a grade never match.' })
  gradeMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title.' })
  titleContains?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only roles with a grade; false: only roles without one.' })
  hasGrade?: boolean | null;
}
