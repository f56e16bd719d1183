// Composes the running service: git source → indexer → refresher → HTTP server, with pino logs and
// a graceful shutdown. The server listens at once; queries answer INDEX_NOT_READY until the first
// index is built in the background.
import pino, { type Logger } from 'pino';
import { createGitSource } from '../git/gitSource';
import { redactCredentials } from '../git/redact';
import { createIndexer } from '../index';
import type { Indexer } from '../index/types';
import { createRefresher, type Refresher } from '../watch';
import { createServer, type RolegraphServer } from './app';
import { ConfigError, redactConfig, type Config } from './config';
import { throttledProgress } from './progressLog';
import { assertCacheDirWritable } from './cacheDirCheck';
import { ensureSampleRepo } from './sample';

export interface RunningService {
  server: RolegraphServer;
  indexer: Indexer;
  refresher: Refresher;
  /** `http://host:port` the server listens on. */
  url: string;
  port: number;
  close(): Promise<void>;
}

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

export function createIndexerFor(config: Config, remote: string, logger: Logger, onProgress?: Parameters<typeof createIndexer>[0]['onProgress']): Indexer {
  const source = createGitSource({ remote, branch: config.branch, cacheDir: config.cacheDir, timeoutMs: config.gitTimeoutMs });
  return createIndexer({
    source,
    cacheDir: config.cacheDir,
    contentDir: config.contentDir ?? undefined,
    url: redactCredentials(remote),
    branch: config.branch,
    log: (event) => logger.debug({ index: event }, 'index'),
    onProgress,
  });
}

export async function startServer(config: Config, opts: { logger?: Logger; handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  logger.info({ config: redactConfig(config) }, 'starting rolegraph');
  const remote = await resolveRepository(config);
  if (config.repo === null) logger.info({ repo: remote }, 'serving the embedded sample handbook');

  const indexer = createIndexerFor(
    config,
    remote,
    logger,
    throttledProgress((progress) => logger.info({ progress }, `indexing: ${progress.stage} ${progress.done}/${progress.total}`)),
  );
  const refresher = createRefresher(indexer, { pollSeconds: config.pollSeconds, log: logger });
  const server = await createServer({ config, indexer, refresher, logger });
  const address = await server.listen(config.port, config.host);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url: `${url}/graphql` }, 'listening');

  // The first index is built in the background; the refresher logs failures and retries with backoff.
  indexer.onSwap((_view, result) => {
    logger.info({ head: result.head.sha, changedRoles: result.changedRoleIds.length }, 'index ready');
  });
  refresher.start({ immediate: true });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      logger.info({}, 'shutting down');
      await refresher.stop();
      await server.close();
      await indexer.close();
      logger.info({}, 'stopped');
    })();
    return closing;
  };

  if (opts.handleSignals ?? false) {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      // A second signal while draining means "now".
      if (signalled) process.exit(1);
      signalled = true;
      logger.info({ signal }, 'signal received');
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err: { message: String((err as Error)?.message ?? err) } }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    // Listeners stay registered: removing the last one mid-signal can re-arm the default action.
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  return { server, indexer, refresher, url, port: address.port, close };
}
