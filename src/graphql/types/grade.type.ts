import { Field, Float, ObjectType } from 'type-graphql';
import { Role } from './role.type';

@ObjectType({ description: 'All roles at one grade.' })
export class Grade {
  @Field(() => Float, { description: 'The grade number; half grades exist (e.g. 9.5).' })
  level: number;

  @Field(() => [Role], { description: 'Every role at this grade (`grade` equal to `level`).' })
  roles: Role[];
}
