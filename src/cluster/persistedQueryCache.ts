// Apollo's persisted-query (APQ) cache shared by every replica: Apollo's own convention, a
// KeyvAdapter over a Keyv store, here a small store over our ioredis connection.
//
// Why not @keyv/redis: its current major (5, CommonJS-compatible) talks to Redis through
// @redis/client, a second client with its own reconnection, queueing and timeouts. One client
// (redisClient.ts) means one place that decides "never wait on a down Redis", one status to report,
// and one connection per replica instead of two.
import { EventEmitter } from 'node:events';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import { Keyv, type KeyvStoreAdapter, type StoredData } from 'keyv';

/**
 * A Keyv store over ioredis that never fails a request: Redis away → a miss on read (an APQ client
 * then sends the full query, which still answers) and a dropped write. The client's command timeout
 * bounds how long either can take.
 */
export class RedisKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { prefix: string };
  namespace?: string;

  constructor(
    private readonly redis: Pick<Redis, 'get' | 'set' | 'del' | 'scan'>,
    prefix: string,
  ) {
    super();
    this.opts = { prefix };
  }

  private key(key: string): string {
    return this.opts.prefix + key;
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    try {
      return ((await this.redis.get(this.key(key))) ?? undefined) as StoredData<Value> | undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    try {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      if (ttl !== undefined && ttl > 0) await this.redis.set(this.key(key), text, 'PX', ttl);
      else await this.redis.set(this.key(key), text);
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.key(key))) > 0;
    } catch {
      return false;
    }
  }

  /** Deletes this store's keys only (SCAN by prefix, never FLUSHDB: the Redis is shared). */
  async clear(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.opts.prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

/** The KeyValueCache to give Apollo as `persistedQueries.cache`. */
export function createPersistedQueryCache(redis: Pick<Redis, 'get' | 'set' | 'del' | 'scan'>, prefix: string): KeyValueCache<string> {
  return new KeyvAdapter<string>(new Keyv<string>({ store: new RedisKeyvStore(redis, prefix) }));
}
