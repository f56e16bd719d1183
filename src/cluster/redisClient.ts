// The one way this service connects to Redis. Redis is a helper, never a dependency of an answer:
// every option below makes a command fail fast while Redis is away instead of waiting for it, and
// the connection comes back by itself (with backoff) when Redis does.
import { Redis } from 'ioredis';

/** What the rest of the service reads: `up` once connected and ready, `down` otherwise. */
export type RedisStatus = 'up' | 'down';

export interface RedisClientOptions {
  /** Shown in Redis's `CLIENT LIST` and our logs: which part of which replica holds the connection. */
  connectionName?: string;
  /** A command answered later than this fails (a hung Redis must not hang a request). Default 500 ms. */
  commandTimeoutMs?: number;
  /** A connection attempt given up after this long. Default 2 s. */
  connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts. Default 2 s. */
  maxReconnectDelayMs?: number;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

export interface RedisConnection {
  readonly client: Redis;
  status(): RedisStatus;
  /** Called on every change of status. Returns an unsubscribe function. */
  onStatus(listener: (status: RedisStatus) => void): () => void;
  /** Closes the connection for good (no reconnection). */
  close(): Promise<void>;
}

export const REDIS_CLIENT_DEFAULTS = { commandTimeoutMs: 500, connectTimeoutMs: 2_000, maxReconnectDelayMs: 2_000 } as const;

/** Reconnection delay after `attempt` failures: 100 ms doubling, capped, so a restarted Redis is rejoined within the cap. */
export function reconnectDelay(attempt: number, maxMs: number): number {
  return Math.min(maxMs, 100 * 2 ** Math.min(Math.max(attempt - 1, 0), 16));
}

export function createRedisClient(url: string, opts: RedisClientOptions = {}): RedisConnection {
  const maxDelay = opts.maxReconnectDelayMs ?? REDIS_CLIENT_DEFAULTS.maxReconnectDelayMs;
  const client = new Redis(url, {
    connectionName: opts.connectionName,
    commandTimeout: opts.commandTimeoutMs ?? REDIS_CLIENT_DEFAULTS.commandTimeoutMs,
    connectTimeout: opts.connectTimeoutMs ?? REDIS_CLIENT_DEFAULTS.connectTimeoutMs,
    // No queue while disconnected: a command fails at once instead of waiting for Redis to return.
    enableOfflineQueue: false,
    // And one retry at most for a command caught by a dropped connection.
    maxRetriesPerRequest: 1,
    // Never give up reconnecting: Redis coming back is the normal end of a degraded period.
    retryStrategy: (attempt: number) => reconnectDelay(attempt, maxDelay),
    // Subscribers resubscribe themselves on `ready` (headChannel.ts), so they know when they are back.
    autoResubscribe: false,
  });
  const listeners = new Set<(status: RedisStatus) => void>();
  let status: RedisStatus = 'down';
  let closed = false;

  function set(next: RedisStatus): void {
    if (next === status) return;
    status = next;
    // Our own close is not news; a lost connection is.
    if (!closed) opts.log?.[next === 'up' ? 'info' : 'warn']({ redis: next, connection: opts.connectionName }, next === 'up' ? 'redis up' : 'redis down');
    for (const listener of listeners) listener(next);
  }

  client.on('ready', () => set('up'));
  client.on('close', () => set('down'));
  client.on('end', () => set('down'));
  // Without a listener, ioredis prints every failed reconnection; the status already says it.
  client.on('error', () => undefined);

  return {
    client,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      // QUIT lets Redis finish what it has; when Redis is away, drop the connection instead.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
      set('down');
    },
  };
}
