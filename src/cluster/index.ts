// Public API of the cluster layer (several replicas coordinated through Redis, issue 14): between
// watch and server; the server wires it only when ROLEGRAPH_REDIS_URL is set.
export { connectRedis } from './redisConnection';
export { createSharedParseCache, SHARED_PARSE_KEY_PREFIX, SHARED_PARSE_TIMEOUT_MS, type SharedParseCacheOptions } from './sharedParseCache';
