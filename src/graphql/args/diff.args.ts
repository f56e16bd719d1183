import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class DiffArgs {
  @Field(() => String, { description: 'The older side: a full or abbreviated sha, a branch, a tag, or an ISO date (the last commit at or before it).' })
  from: string;

  @Field(() => String, { description: 'The newer side, same syntax as `from`; `main` for the head of the tracked branch.' })
  to: string;
}
