import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class NodeArgs {
  @Field(() => ID, { description: "A global id, as an object's `id` field gave it. Not one this server made → BAD_USER_INPUT." })
  id: string;
}
