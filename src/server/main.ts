// The running service: the composed indexer and refresher behind the HTTP server, with a graceful
// shutdown. The server listens at once; queries answer INDEX_NOT_READY until the first index is
// built in the background.
import type { Logger } from 'pino';
import type { Cluster } from '../cluster';
import { redactCredentials } from '../git';
import type { Indexer } from '../index';
import { createRefresher, type Refresher } from '../watch';
import { createServer, type RolegraphServer } from './app';
import { createIndexerFor, createLogger, resolveRepository } from './compose';
import { redactConfig, type Config } from './config';
import { defaultInstanceId } from './instanceId';
import { throttledProgress } from './progressLog';

export interface RunningService {
  server: RolegraphServer;
  indexer: Indexer;
  refresher: Refresher;
  /** Present when ROLEGRAPH_REDIS_URL is set. */
  cluster: Cluster | null;
  /** `http://host:port` the server listens on. */
  url: string;
  port: number;
  close(): Promise<void>;
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
  const instanceId = config.instanceId ?? defaultInstanceId();
  // With replicas the cluster decides who polls (the leader, or everyone while Redis is away), so the
  // refresher itself does not; it still retries failures with backoff.
  const refresher = createRefresher(indexer, { pollSeconds: config.redisUrl ? 0 : config.pollSeconds, log: logger });
  // Loaded only when configured: a single process never requires a Redis module.
  const cluster = config.redisUrl
    ? (await import('../cluster')).startCluster({
        redisUrl: config.redisUrl,
        instanceId,
        // The repository as configured (the same string on every replica), or the embedded sample.
        repository: config.repo ?? 'sample',
        branch: config.branch,
        lockTtlMs: config.redisLockTtlMs,
        pollSeconds: config.pollSeconds,
        refresher,
        currentHead: () => indexer.current()?.head.commit.sha ?? null,
        log: logger,
      })
    : null;
  if (cluster) logger.info({ instance: instanceId, redis: redactCredentials(config.redisUrl ?? '') }, 'coordinating replicas through redis');
  // Loaded only when configured: with tracing off, no OpenTelemetry module is ever required.
  const tracing = config.tracing ? (await import('./tracing')).startTracing(config.tracing, logger) : null;
  if (config.tracing) logger.info({ tracing: { url: redactCredentials(config.tracing.url) } }, 'tracing on');
  const server = await createServer({ config, indexer, refresher, logger, tracing: tracing?.requests, instanceId, cluster: cluster ?? undefined });
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
      // First: the leader lock is released at once, so another replica polls without waiting a TTL.
      await cluster?.close();
      await refresher.stop();
      await server.close();
      await indexer.close();
      // After the server: the spans of the last requests are sent too.
      await tracing?.shutdown();
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

  return { server, indexer, refresher, cluster, url, port: address.port, close };
}
