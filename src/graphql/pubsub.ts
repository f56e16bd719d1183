// The subscription channel. type-graphql 2 takes any { publish, subscribe } object; we use the
// in-process PubSub from @graphql-yoga/subscription (a dependency of type-graphql itself).
import { createPubSub } from '@graphql-yoga/subscription';
import type { Indexer, RefreshResult } from '../index';

export const HEAD_CHANGED = 'HEAD_CHANGED';

export type HeadChangedPayload = RefreshResult;

export type RolegraphPubSub = ReturnType<typeof createRolegraphPubSub>;

export function createRolegraphPubSub() {
  return createPubSub<{ [HEAD_CHANGED]: [HeadChangedPayload] }>();
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
