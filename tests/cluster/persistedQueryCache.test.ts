// Apollo's persisted-query cache over Redis: what one replica's cache stores, another's reads (two
// clients, as two replicas have); with Redis stopped a read is a miss and a write is dropped, both
// at once, never an error (the client then sends the full query, which still answers).
import { createPersistedQueryCache, createRedisClient, type RedisConnection } from '../../src/cluster';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { eventually } from '../helpers/replicas';

const PREFIX = 'rolegraph:test:apq:';
let redis: TestRedis;
let connections: RedisConnection[] = [];

async function connect(): Promise<RedisConnection> {
  const connection = createRedisClient(redis.url);
  connections.push(connection);
  await eventually('redis connection up', async () => connection.status() === 'up', 10_000);
  return connection;
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await redis?.close();
});

describe('createPersistedQueryCache', () => {
  it('shares entries between two clients, under its prefix, with the TTL Apollo asks for', async () => {
    const one = await connect();
    const two = await connect();
    const cacheOne = createPersistedQueryCache(one.client, PREFIX);
    const cacheTwo = createPersistedQueryCache(two.client, PREFIX);
    await cacheOne.set('apq:abc', '{ repository { url } }', { ttl: 60 });
    expect(await cacheTwo.get('apq:abc')).toBe('{ repository { url } }');
    expect(await cacheTwo.get('apq:missing')).toBeUndefined();

    const keys = await one.client.keys(`${PREFIX}*`);
    expect(keys).toHaveLength(1);
    const ttl = await one.client.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);

    expect(await cacheTwo.delete('apq:abc')).toBe(true);
    expect(await cacheOne.get('apq:abc')).toBeUndefined();
  });

  it('misses and drops writes at once while Redis is down, and works again when it is back', async () => {
    const connection = await connect();
    const cache = createPersistedQueryCache(connection.client, PREFIX);
    await cache.set('apq:kept', 'query { a }');
    await redis.stop();
    await eventually('connection down', async () => connection.status() === 'down', 10_000);

    const startedAt = Date.now();
    expect(await cache.get('apq:kept')).toBeUndefined();
    await expect(cache.set('apq:lost', 'query { b }')).resolves.toBeUndefined();
    // At once, not after a reconnection (the bound leaves room for a loaded machine).
    expect(Date.now() - startedAt).toBeLessThan(1_000);

    await redis.start();
    await eventually('connection up again', async () => connection.status() === 'up', 20_000);
    // Redis ran without persistence: the entry is gone, and the cache is usable again.
    expect(await cache.get('apq:kept')).toBeUndefined();
    await cache.set('apq:kept', 'query { a }');
    expect(await cache.get('apq:kept')).toBe('query { a }');
  });
});
