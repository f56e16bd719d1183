import { Field, Float, ObjectType } from 'type-graphql';
import { Role } from './role.type';

@ObjectType({ description: 'A role that matches a search, with how well and where.' })
export class SearchHit {
  @Field(() => Role, { description: 'The matching role.' })
  role: Role;

  @Field(() => Float, { description: 'Relevance, higher is better; only comparable within one answer.' })
  score: number;

  @Field(() => String, { nullable: true, description: 'A short piece of the matching text.' })
  snippet: string | null;
}
