import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LadderEdge } from './ladder.type';
import { Role } from './role.type';

/** A ladder edge taken as a move: the same from/to/kind, plus how the grade changes. */
@ObjectType({ description: 'One move along a career path, and why it is a move.' })
export class CareerStep extends LadderEdge {
  @Field(() => Float, { nullable: true, description: 'Grade of `to` minus grade of `from`; null when either has none.' })
  gradeDelta: number | null;
}

@ObjectType({ description: 'A way from one role to another along the ladder graph, ranked by grade progression.' })
export class CareerPath {
  @Field(() => Int, { description: '1 = best: fewest moves down a grade, then fewest moves with an unknown grade, then fewest moves, then the smoothest climb.' })
  rank: number;

  @Field(() => Int, { description: 'Moves to a lower grade.' })
  gradeDrops: number;

  @Field(() => Float, { nullable: true, description: 'Grade of the last role minus the first; null when either has none.' })
  gradeGain: number | null;

  @Field(() => [Role], { description: 'The roles in order, both ends included.' })
  steps: Role[];

  @Field(() => [CareerStep], { description: 'One entry per move: steps.length - 1 entries.' })
  transitions: CareerStep[];
}
