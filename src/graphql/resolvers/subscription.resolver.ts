import { Resolver, Root, Subscription } from 'type-graphql';
import { HEAD_CHANGED, type HeadChangedPayload } from '../pubsub';
import { HeadChange } from '../types/headChange.type';

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => HeadChange, { topics: HEAD_CHANGED, description: 'Emitted after each refresh that moved the head.' })
  headChanged(@Root() payload: HeadChangedPayload): HeadChangedPayload {
    return payload;
  }
}
