import { Field, Float, ObjectType } from 'type-graphql';
import { Role } from './role.type';

@ObjectType()
export class SearchHit {
  @Field(() => Role)
  role: Role;

  @Field(() => Float)
  score: number;

  @Field(() => String, { nullable: true, description: 'A short piece of the matching text.' })
  snippet: string | null;
}
