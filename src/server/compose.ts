// The composition root: the one place that wires git → index (and the logger they report to) from a
// Config, for `rolegraph serve`, the other CLI commands, the bench and the tests alike, so no
// caller assembles a GitSource and an indexer its own way.
import pino, { type Logger } from 'pino';
import type * as ClusterLayer from '../cluster';
import { createGitSource, redactCredentials } from '../git';
import { createIndexer, type IndexerWithStats, type SharedParseTier } from '../index';
import { assertCacheDirWritable } from './cacheDirCheck';
import { ConfigError, type Config } from './config';
import { ensureSampleRepo } from './sample';

/** JSON lines on stdout; the redact paths catch secrets however a caller nests them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'rolegraph' },
    redact: { paths: ['*.authorization', '*.adminToken', '*.gitlabToken', '*.githubSecret', '*.gitlabSigningSecret', 'req.headers'], censor: '[redacted]' },
  });
}

/**
 * The repository to index: the configured one, or the embedded sample built into the cache, once the
 * cache folder is known to be writable.
 * Shared with the CLI so `rolegraph query` with no options reads the same sample as `serve`.
 */
export async function resolveRepository(config: Config): Promise<string> {
  // Before any clone or sample build: an unwritable cache folder is one line, not a git stack trace.
  await assertCacheDirWritable(config.cacheDir);
  if (config.repo !== null) return config.repo;
  if (config.branch !== 'main') throw new ConfigError('the embedded sample handbook has only the main branch; give --repo to use another branch');
  return ensureSampleRepo(config.cacheDir);
}

/** The indexer over `remote` as `config` says: its git source, cache folder, content folder and logging. */
export function createIndexerFor(config: Config, remote: string, logger: Logger, onProgress?: Parameters<typeof createIndexer>[0]['onProgress']): IndexerWithStats {
  const source = createGitSource({ remote, branch: config.branch, cacheDir: config.cacheDir, timeoutMs: config.gitTimeoutMs });
  // Index events are detail (debug), except those an operator must act on (a full disk: `level: 'warn'`).
  const log = (event: Record<string, unknown>): void => (event.level === 'warn' ? logger.warn({ index: event }, String(event.event)) : logger.debug({ index: event }, 'index'));
  // With Redis configured, parsed pages are shared between replicas (the second tier of the parse cache).
  // Loaded only then: a single process never loads a Redis module (tests/cluster/lazyLoad.test.ts).
  const cluster = config.redisUrl === null ? null : (require('../cluster') as typeof ClusterLayer);
  const redis = cluster && config.redisUrl !== null ? cluster.createRedisClient(config.redisUrl, { connectionName: 'rolegraph-parse-cache', commandTimeoutMs: cluster.SHARED_PARSE_TIMEOUT_MS, log: logger }) : null;
  const sharedTier: SharedParseTier | undefined = cluster && redis ? cluster.createSharedParseCache({ redis: redis.client, ttlSeconds: config.redisCacheTtlSeconds }) : undefined;
  const indexer = createIndexer({
    source,
    cacheDir: config.cacheDir,
    contentDir: config.contentDir ?? undefined,
    url: redactCredentials(remote),
    branch: config.branch,
    log,
    onProgress,
    sharedTier,
  });
  if (!redis) return indexer;
  return {
    ...indexer,
    async close() {
      await indexer.close();
      await redis.close();
    },
  };
}

