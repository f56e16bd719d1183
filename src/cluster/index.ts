// Public API of the cluster layer (several replicas over Redis): server/main.ts loads it only when
// ROLEGRAPH_REDIS_URL is set, so a single process never loads a Redis module.
export { clusterNamespace, startCluster, type Cluster, type ClusterOptions } from './cluster';
export { decodeAnnouncement, encodeAnnouncement, type AnnouncementCause, type HeadAnnouncement } from './headAnnouncement';
export { createLeaderElection, type LeaderElection, type LeaderElectionOptions } from './leaderElection';
export { createPersistedQueryCache, RedisKeyvStore } from './persistedQueryCache';
export { createRedisClient, reconnectDelay, REDIS_CLIENT_DEFAULTS, type RedisClientOptions, type RedisConnection, type RedisStatus } from './redisClient';
export { createSharedParseCache, SHARED_PARSE_KEY_PREFIX, SHARED_PARSE_TIMEOUT_MS, type SharedParseCacheOptions } from './sharedParseCache';
