// The subscription channel. type-graphql 2 takes any { publish, subscribe } object; we use the
// in-process PubSub from @graphql-yoga/subscription (a dependency of type-graphql itself).
import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import type { Indexer, RefreshResult } from '../index';

export const HEAD_CHANGED = 'HEAD_CHANGED';

export type HeadChangedPayload = RefreshResult;

type Channels = { [HEAD_CHANGED]: [HeadChangedPayload] };

export type RolegraphPubSub = ReturnType<typeof createRolegraphPubSub>;

/**
 * Every `headChanged` subscriber is one listener on the channel's EventTarget, and Node warns of a
 * leak past 10 listeners: a server with eleven subscribed frontends would print that warning. The
 * server caps subscriptions (`maxSubscriptions`), so the warning is raised only past that cap,
 * where it would mean a subscription escaped the count; without a cap it is off.
 */
export function createRolegraphPubSub(maxSubscribers?: number) {
  const eventTarget = new EventTarget();
  setMaxListeners(maxSubscribers ?? 0, eventTarget);
  return createPubSub<Channels>({ eventTarget: eventTarget as PubSubEventTarget<Channels> });
}

/**
 * Publishes HEAD_CHANGED after every swap that moved the head. Returns the unsubscribe function.
 * The server calls this once at start-up with the indexer and the pubsub it gave the schema.
 */
export function publishHeadChanges(indexer: Indexer, pubSub: RolegraphPubSub): () => void {
  return indexer.onSwap((_view, result) => {
    if (result.previousHead?.sha === result.head.sha) return;
    pubSub.publish(HEAD_CHANGED, result);
  });
}
