// The polling leader's lock on a real Redis: one winner, renewal past the TTL, a clean release hands
// over at once, an expired lock is taken, and a leader whose key was taken never renews or deletes
// its successor's lock.
import { createLeaderElection, createRedisClient, type LeaderElection, type RedisConnection } from '../../src/cluster';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { eventually } from '../helpers/replicas';

const TTL_MS = 1_000;
/** A key per test, so a lock one test leaves behind never decides the next. */
let KEY = '';
let tests = 0;

let redis: TestRedis;
let connections: RedisConnection[] = [];
let elections: LeaderElection[] = [];

async function connect(): Promise<RedisConnection> {
  const connection = createRedisClient(redis.url);
  connections.push(connection);
  await eventually('redis connection up', async () => connection.status() === 'up', 10_000);
  return connection;
}

function elect(connection: RedisConnection, instanceId: string): LeaderElection {
  const election = createLeaderElection({ redis: connection.client, key: KEY, instanceId, ttlMs: TTL_MS });
  elections.push(election);
  return election;
}

beforeAll(async () => {
  redis = await startRedis();
});

beforeEach(() => {
  tests += 1;
  KEY = `rolegraph:test:leader:${tests}`;
});

afterEach(async () => {
  await Promise.all(elections.map((e) => e.stop()));
  await Promise.all(connections.map((c) => c.close()));
  elections = [];
  connections = [];
});

afterAll(async () => {
  await redis?.close();
});

describe('leader election', () => {
  it('elects one of two, keeps it past the TTL by renewing, and hands over at once on a clean stop', async () => {
    const admin = await connect();
    const a = elect(await connect(), 'a');
    const b = elect(await connect(), 'b');
    expect(await a.campaign()).toBe(true);
    expect(await b.campaign()).toBe(false);
    expect(await admin.client.get(KEY)).toBe('a');

    // Three TTLs later `a` still leads: its renewals kept the key alive.
    await new Promise((resolve) => setTimeout(resolve, 3 * TTL_MS));
    expect([a.isLeader(), b.isLeader(), await admin.client.get(KEY)]).toEqual([true, false, 'a']);

    await a.stop();
    // Released at once: free, or already taken by b's own next look (it campaigns every quarter TTL).
    expect([null, 'b']).toContain(await admin.client.get(KEY));
    expect(await b.campaign()).toBe(true);
    expect(await admin.client.get(KEY)).toBe('b');
  });

  it('takes a lock left by a dead leader once it expires', async () => {
    const admin = await connect();
    // A leader that died without releasing: its key just runs out.
    await admin.client.set(KEY, 'dead', 'PX', TTL_MS);
    const b = elect(await connect(), 'b');
    expect(await b.campaign()).toBe(false);
    const startedAt = Date.now();
    await eventually('b leading', async () => b.isLeader(), 10 * TTL_MS);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TTL_MS / 2);
    expect(await admin.client.get(KEY)).toBe('b');
  });

  it('never renews or releases a lock that no longer names it', async () => {
    const admin = await connect();
    const a = elect(await connect(), 'a');
    expect(await a.campaign()).toBe(true);
    // Another replica holds it now (a stalled past its TTL and the key was retaken).
    await admin.client.set(KEY, 'c', 'PX', 60_000);
    expect(await a.campaign()).toBe(false);
    await a.stop();
    expect(await admin.client.get(KEY)).toBe('c');
  });

  it('stops leading when Redis goes away (abdicate) and leads again once it is back', async () => {
    const connection = await connect();
    const a = elect(connection, 'a');
    expect(await a.campaign()).toBe(true);
    await redis.stop();
    await eventually('connection down', async () => connection.status() === 'down', 10_000);
    a.abdicate();
    expect(await a.campaign()).toBe(false);
    await redis.start();
    await eventually('connection up again', async () => connection.status() === 'up', 20_000);
    expect(await a.campaign()).toBe(true);
  });
});
