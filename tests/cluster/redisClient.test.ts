// The one Redis connection factory: up once connected; with Redis stopped it is down and a
// command fails at once (no offline queue) instead of waiting; when Redis returns on its port the
// client reconnects by itself.
import { createRedisClient, reconnectDelay, type RedisConnection } from '../../src/cluster';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { eventually } from '../helpers/replicas';

let redis: TestRedis;
let connection: RedisConnection | undefined;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await connection?.close();
  await redis?.close();
});

describe('createRedisClient', () => {
  it('backs off from 100 ms, doubling, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((attempt) => reconnectDelay(attempt, 2_000))).toEqual([100, 200, 400, 800, 1_600, 2_000, 2_000]);
  });

  it('goes up, fails fast while Redis is down, and comes back up by itself', async () => {
    const seen: string[] = [];
    connection = createRedisClient(redis.url, { connectionName: 'rolegraph-test' });
    connection.onStatus((status) => seen.push(status));
    await eventually('status up', async () => connection?.status() === 'up', 10_000);
    expect(await connection.client.set('k', 'v')).toBe('OK');
    expect(await connection.client.client('GETNAME')).toBe('rolegraph-test');

    await redis.stop();
    await eventually('status down', async () => connection?.status() === 'down', 10_000);
    const startedAt = Date.now();
    await expect(connection.client.get('k')).rejects.toThrow();
    // Rejected at once (no offline queue), not after waiting for a reconnection; the bound leaves
    // room for a loaded machine and is still below the 2 s connect timeout.
    expect(Date.now() - startedAt).toBeLessThan(1_000);

    await redis.start();
    await eventually('status up again', async () => connection?.status() === 'up', 20_000);
    expect(await connection.client.set('k', 'again')).toBe('OK');
    expect(seen).toEqual(['up', 'down', 'up']);
  });
});
