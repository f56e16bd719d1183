// The shared parse cache over a real redis-server (started here on a free loopback port): values
// round-trip compressed and with a TTL, a batch is a few pipelined MGETs (never a GET per key),
// a budget too small for every page evicts old entries instead of refusing writes, and a Redis
// that is down or does not answer makes a call reject within its timeout instead of hanging.
import net from 'node:net';
import zlib from 'node:zlib';
import { Redis } from 'ioredis';
import { createRedisClient, createSharedParseCache, SHARED_PARSE_KEY_PREFIX, SHARED_PARSE_TIMEOUT_MS } from '../../src/cluster';

/** The client the server gives the shared parse cache (server/compose.ts). */
const connectRedis = (url: string) => createRedisClient(url, { commandTimeoutMs: SHARED_PARSE_TIMEOUT_MS }).client;
import { startRedis, type TestRedis } from '../helpers/redisServer';

jest.setTimeout(60_000);

let server: TestRedis;
let redis: Redis;
/** A second connection for looking at what the cache stored. */
let admin: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = connectRedis(server.url);
  admin = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  admin.disconnect();
  await server?.close();
});
beforeEach(async () => {
  await admin.flushall();
  await admin.config('RESETSTAT');
});

/** A parsed page's JSON: repetitive text, as real pages are. */
const body = (i: number): Buffer => Buffer.from(JSON.stringify({ path: `content/job-families/sales/page-${i}.md`, blob: String(i).padStart(40, '0'), family: { roles: Array(20).fill({ title: `Account Executive ${i}`, responsibilities: ['Meet quota', 'Forecast accurately'] }) } }), 'utf8');

/** Calls of one command since the last RESETSTAT (INFO commandstats). */
async function calls(command: string): Promise<number> {
  const info = await admin.info('commandstats');
  const match = new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(info);
  return match ? Number(match[1]) : 0;
}

it('stores compressed values with a TTL under its prefix, and reads them back in a few pipelined MGETs', async () => {
  const cache = createSharedParseCache({ redis, ttlSeconds: 3600 });
  const entries = Array.from({ length: 120 }, (_, i) => [`parser-2-x:${i}`, body(i)] as const);
  await cache.setMany(entries);
  expect(await calls('set')).toBe(120);

  const stored = await admin.getBuffer(`${SHARED_PARSE_KEY_PREFIX}parser-2-x:7`);
  expect(stored).not.toBeNull();
  expect(stored!.length).toBeLessThan(body(7).length / 5);
  expect(zlib.brotliDecompressSync(stored!)).toEqual(body(7));
  const ttl = await admin.ttl(`${SHARED_PARSE_KEY_PREFIX}parser-2-x:7`);
  expect(ttl).toBeGreaterThan(3500);
  expect(ttl).toBeLessThanOrEqual(3600);

  await admin.config('RESETSTAT'); // count only what getMany sends
  const keys = [...entries.map(([k]) => k), 'parser-2-x:absent'];
  const found = await cache.getMany(keys);
  expect(found.size).toBe(120);
  expect(found.has('parser-2-x:absent')).toBe(false);
  expect(found.get('parser-2-x:119')).toEqual(body(119));
  // 121 keys: three MGETs of at most 50, and no GET.
  expect(await calls('mget')).toBe(3);
  expect(await calls('get')).toBe(0);
});

it('a value that does not decompress is a miss', async () => {
  const cache = createSharedParseCache({ redis, ttlSeconds: 60 });
  await admin.set(`${SHARED_PARSE_KEY_PREFIX}k:garbage`, 'not brotli at all');
  await cache.setMany([['k:good', body(1)]]);
  const found = await cache.getMany(['k:garbage', 'k:good']);
  expect([...found.keys()]).toEqual(['k:good']);
});

it('under a maxmemory budget with volatile-lru, writes beyond the budget evict old entries instead of failing', async () => {
  const small = await startRedis(['--maxmemory', '2mb', '--maxmemory-policy', 'volatile-lru']);
  const client = connectRedis(small.url);
  try {
    const cache = createSharedParseCache({ redis: client, ttlSeconds: 3600 });
    // Random bytes do not compress: 1,000 values of 8 KB are 8 MB, four times the budget.
    const crypto = await import('node:crypto');
    for (let batch = 0; batch < 10; batch += 1) {
      await cache.setMany(Array.from({ length: 100 }, (_, i) => [`v:${batch * 100 + i}`, crypto.randomBytes(8192)] as const));
    }
    const info = await client.info('stats');
    expect(Number(/^evicted_keys:(\d+)/m.exec(info)![1])).toBeGreaterThan(0);
    const held = await client.dbsize();
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(1000);
    // The newest entries are the ones kept.
    expect((await cache.getMany(['v:999'])).size).toBe(1);
  } finally {
    client.disconnect();
    await small.close();
  }
});

it('with Redis stopped, calls reject at once (no offline queue), and work again once it is back', async () => {
  const own = await startRedis();
  const client = connectRedis(own.url);
  try {
    const cache = createSharedParseCache({ redis: client, ttlSeconds: 60, timeoutMs: 1500 });
    await cache.setMany([['k:1', body(1)]]);
    await own.stop();
    const started = Date.now();
    await expect(cache.getMany(['k:1'])).rejects.toThrow();
    await expect(cache.setMany([['k:2', body(2)]])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2 * 1500 + 500);

    await own.start(); // empty again: nothing was persisted
    const deadline = Date.now() + 20_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = await cache.setMany([['k:3', body(3)]]).then(() => true, () => false);
      if (!back) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(back).toBe(true);
    expect((await cache.getMany(['k:3'])).get('k:3')).toEqual(body(3));
  } finally {
    client.disconnect();
    await own.close();
  }
});

it('a Redis that accepts connections but never answers: each call rejects after its timeout', async () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => sockets.push(socket)); // accepts, reads, never writes
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const client = connectRedis(`redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
  try {
    const cache = createSharedParseCache({ redis: client, ttlSeconds: 60, timeoutMs: 300 });
    const started = Date.now();
    await expect(cache.getMany(['k:1'])).rejects.toThrow('shared parse cache get timed out after 300 ms');
    await expect(cache.setMany([['k:1', body(1)]])).rejects.toThrow('shared parse cache set timed out after 300 ms');
    // Two calls of 300 ms each, with generous room for a loaded machine; never the seconds a hang would take.
    expect(Date.now() - started).toBeLessThan(5000);
  } finally {
    client.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});
