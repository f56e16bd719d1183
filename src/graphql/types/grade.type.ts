import { Field, Float, ObjectType } from 'type-graphql';
import { Role } from './role.type';

@ObjectType({ description: 'All roles at one grade.' })
export class Grade {
  @Field(() => Float)
  level: number;

  @Field(() => [Role])
  roles: Role[];
}
