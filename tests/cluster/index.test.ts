// Pins the public API of the cluster layer: the server builds against exactly these names.
import * as cluster from '../../src/cluster';

describe('src/cluster public exports', () => {
  it('exports the cluster, its parts and the Redis connection factory, and nothing else', () => {
    expect(Object.keys(cluster).sort()).toEqual([
      'REDIS_CLIENT_DEFAULTS',
      'RedisKeyvStore',
      'SHARED_PARSE_KEY_PREFIX',
      'SHARED_PARSE_TIMEOUT_MS',
      'clusterNamespace',
      'createLeaderElection',
      'createPersistedQueryCache',
      'createRedisClient',
      'createSharedParseCache',
      'decodeAnnouncement',
      'encodeAnnouncement',
      'reconnectDelay',
      'startCluster',
    ]);
    expect(cluster.REDIS_CLIENT_DEFAULTS).toEqual({ commandTimeoutMs: 500, connectTimeoutMs: 2_000, maxReconnectDelayMs: 2_000 });
  });
});
