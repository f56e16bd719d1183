// A Redis connection for the shared parse cache, until the cluster's own client factory
// (redisClient.ts, issue 14) takes its place: short timeouts, and no offline queue, so a command
// sent while Redis is away fails at once instead of waiting for a reconnect that may never come.
import { Redis } from 'ioredis';

/** Connecting, and each command, give up after this: Redis on the same network answers in a millisecond. */
const CONNECT_TIMEOUT_MS = 1000;
const COMMAND_TIMEOUT_MS = 2000;
/** Reconnect attempts back off to this, forever: a Redis that returns is used again. */
const MAX_RECONNECT_DELAY_MS = 2000;

export function connectRedis(url: string, log: (event: Record<string, unknown>) => void = () => undefined): Redis {
  const redis = new Redis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  // ioredis emits every connection failure as an 'error' event; unheard, one would end the process.
  redis.on('error', (err: Error) => log({ event: 'redis-error', error: err.message }));
  return redis;
}
