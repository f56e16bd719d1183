import { ArgsType, Field, ID, Int } from 'type-graphql';
import { LadderLevel } from '../types/ladderLevel.enum';
import type { LadderLevel as LadderLevelValue } from '../../index';
import { AT_REF_DESCRIPTION } from './ref';

@ArgsType()
export class LadderArgs {
  @Field(() => String, { nullable: true, description: 'Only roles of this department.' })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'Only roles of this job family (its slug).' })
  family?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only roles connected to this one: its key (`<family slug>#<slug of title>`) or its global id (only the key is used).' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: AT_REF_DESCRIPTION })
  at?: string | null;

  @Field(() => String, { nullable: true, description: 'Compare mode: the older ref (same syntax as `at`). The ladder is drawn at `to` and `changes` lists the roles in view that were added, removed, retitled, moved, regraded or relinked since `from`.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Compare mode: the newer ref, the one drawn; omitted = `at`, else the head. Giving both `to` and `at` is BAD_USER_INPUT.' })
  to?: string | null;

  @Field(() => LadderLevel, { defaultValue: 'ROLES', description: 'The detail drawn: one box per department, per family, or per role.' })
  level: LadderLevelValue;

  @Field(() => Int, { nullable: true, description: "ROLES only: when the selection holds more roles than this, each family other than the role's own, `family` and those in `expand` is drawn as one group; when that still makes more boxes than this, the families of other departments than those open (of the expanded families, or named in `expand`) are drawn as one group per department. Omitted = never collapse." })
  collapseAbove?: number | null;

  @Field(() => [String], { nullable: true, description: 'Family slugs drawn role by role even when the ladder collapses (`collapseAbove`), and department names whose families are then drawn one group each rather than as one department.' })
  expand?: string[] | null;
}
