// The shared parse cache over Redis: the second tier behind each replica's cache folder (the index
// layer's SharedParseTier). Values are brotli-compressed (a parsed page is JSON that compresses
// about tenfold), written with a TTL, and read and written in pipelines of MGETs and SETs, so a
// batch of pages costs one round trip. Every call is bounded by a short timeout and rejects when
// Redis is down or slow; the index then parses locally (see index/store/sharedPages.ts).
//
// Memory: the entries expire after `ttlSeconds` (ROLEGRAPH_REDIS_CACHE_TTL_SECONDS), and Redis is
// meant to run with a `maxmemory` budget and `volatile-lru` (README, "Several replicas"): under
// pressure it drops the least recently used entries that carry a TTL, which every entry here does.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Redis } from 'ioredis';
import type { SharedParseTier } from '../index';

/** Every key of the shared parse cache starts with this; the index's key (parser version first) follows. */
export const SHARED_PARSE_KEY_PREFIX = 'rolegraph:parsed:';
/** A call that takes longer is abandoned as failed: a joining replica would rather parse than wait. */
export const SHARED_PARSE_TIMEOUT_MS = 2000;
/** Keys per MGET; a batch sends several in one pipeline, so large replies do not hold Redis for long. */
const MGET_KEYS = 50;
/**
 * Brotli quality 5: about gzip's speed with a smaller result; the top quality (11) is several times
 * slower to compress for a few percent, paid by the first replica on every page it parses.
 */
const BROTLI_OPTIONS: zlib.BrotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };

const compress = promisify(zlib.brotliCompress);
const decompress = promisify(zlib.brotliDecompress);

export interface SharedParseCacheOptions {
  redis: Redis;
  /** Lifetime of an entry; bounds what an abandoned parser version or repository keeps. */
  ttlSeconds: number;
  timeoutMs?: number;
}

export function createSharedParseCache(opts: SharedParseCacheOptions): SharedParseTier {
  const timeoutMs = opts.timeoutMs ?? SHARED_PARSE_TIMEOUT_MS;
  const redisKey = (key: string): string => SHARED_PARSE_KEY_PREFIX + key;

  return {
    getMany: (keys) =>
      withTimeout('get', timeoutMs, async () => {
        await connected(opts.redis, timeoutMs);
        const pipeline = opts.redis.pipeline();
        for (let i = 0; i < keys.length; i += MGET_KEYS) pipeline.mgetBuffer(...keys.slice(i, i + MGET_KEYS).map(redisKey));
        const replies = await pipeline.exec();
        const values = (replies ?? []).flatMap(([err, reply]) => {
          if (err) throw err;
          return reply as Array<Buffer | null>;
        });
        const found = new Map<string, Buffer>();
        await Promise.all(
          keys.map(async (key, i) => {
            const value = values[i];
            // A value that does not decompress is a miss: the page is parsed, and written again.
            if (value) found.set(key, await decompress(value).catch(() => Buffer.alloc(0)));
          }),
        );
        for (const [key, value] of found) if (value.length === 0) found.delete(key);
        return found;
      }),
    setMany: (entries) =>
      withTimeout('set', timeoutMs, async () => {
        if (entries.length === 0) return;
        const packed = await Promise.all(entries.map(([key, value]) => compress(value, BROTLI_OPTIONS).then((bytes) => [redisKey(key), bytes] as const)));
        await connected(opts.redis, timeoutMs);
        const pipeline = opts.redis.pipeline();
        for (const [key, bytes] of packed) pipeline.set(key, bytes, 'EX', opts.ttlSeconds);
        // A refused write (e.g. OOM under `noeviction`) is a failure like any other: logged and counted.
        for (const [err] of (await pipeline.exec()) ?? []) if (err) throw err;
      }),
  };
}

/** Waits for the connection to be ready (a replica's first call may come while it still connects). */
async function connected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  if (redis.status === 'end') throw new Error('the Redis connection is closed');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`Redis not ready after ${timeoutMs} ms (${redis.status})`)), timeoutMs);
    const onReady = (): void => done();
    function done(err?: Error): void {
      clearTimeout(timer);
      redis.off('ready', onReady);
      if (err) reject(err);
      else resolve();
    }
    redis.once('ready', onReady);
  });
}

/** Runs `work`, rejecting once `ms` have passed (the work's own late result is then ignored). */
function withTimeout<T>(op: string, ms: number, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`shared parse cache ${op} timed out after ${ms} ms`)), ms);
    work().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
