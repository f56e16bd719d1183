// Public API of the GraphQL layer, for src/server.
export { buildRolegraphSchema, type BuildSchemaOptions } from './buildSchema';
export { createContext, type ContextDeps, type ReplicaInfo, type RolegraphContext } from './context';
export { formatError, RefreshFailedError, rootCause } from './errors';
export { parseGlobalId, type GlobalRef } from './globalId';
export { createRolegraphPubSub, publishHeadChanges, HEAD_CHANGED, type RolegraphPubSub } from './pubsub';
