// The HTTP server: express 5 + Apollo Server 5 on /graphql (GraphiQL for browsers, graphql-ws
// subscriptions on the same path), health, metrics and webhooks. It is composed from parts that
// each live in their own file; this one only wires them and owns the shutdown order.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import {
  buildRolegraphSchema,
  createContext,
  createRolegraphPubSub,
  formatError,
  publishHeadChanges,
  RefreshFailedError,
  type ReplicaInfo,
  type RolegraphContext,
} from '../graphql';
import type { Cluster } from '../cluster';
import type { Indexer, RefreshResult } from '../index';
import { createRefresher, type Refresher } from '../watch';
import { publicMessage } from '../util';
import { isAdminAuthorization } from './adminAuth';
import type { JitPlugin } from './jitPlugin';
import { DEFAULTS, type Config } from './config';
import { graphqlFastLane } from './graphqlFastLane';
import { lastResortHandler, logFailure } from './lastResort';
import { corsMiddleware, NO_CORS } from './cors';
import { allowGetQueries } from './getQueries';
import { createGraphiqlRouter } from './graphiql';
import { createHealthRouter, NO_CLUSTER } from './health';
import { createLadderRouter } from './ladderPage';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createMetrics, type Metrics } from './metrics';
import { admissionPlugin } from './plugins/admission';
import { answerText } from './plugins/answerText';
import { jsonBody } from './plugins/bodyLimit';
import { httpCachingPlugin, varyByAccept } from './plugins/httpCaching';
import { composeRequestPlugins } from './plugins/composeRequestPlugins';
import { createMetricsPlugin } from './plugins/metricsPlugin';
import { noHttpSubscriptionsPlugin } from './plugins/noHttpSubscriptions';
import { createResponseBytesCache } from './plugins/responseBytesCache';
import { createSingleFlight } from './plugins/singleFlight';
import { queryLimits } from './plugins/queryLimits';
import { subscriptionLimits } from './plugins/subscriptionLimits';
import { linkRequest } from './requestLink';
import { createRequestLog } from './requestLog';
import type { RequestTracing } from './requestTracing';
import { createWebhookRouter } from './webhooks';
import { serveGraphqlWs } from './websocket';

export { GRAPHQL_PATH } from './routes';
import { GRAPHQL_PATH, type RequestListener } from './routes';
/** Answers kept by the HTTP answer cache (responseBytesCache) when the config does not say; 0 turns it off. */
export const DEFAULT_RESPONSE_CACHE_ENTRIES = DEFAULTS.responseCacheEntries;

export interface ServerDeps {
  config: Pick<Config, 'adminToken' | 'branch' | 'gitlabToken' | 'gitlabSigningSecret' | 'githubSecret'> &
    Partial<Pick<Config, 'corsOrigins' | 'headMaxAgeSeconds' | 'jit'>> & { limits?: Limits; responseCacheEntries?: number };
  indexer: Indexer;
  /** Present when the index is watched; webhooks and the `refresh` mutation go through it. */
  refresher?: Refresher;
  /** A pino logger: the request log writes each request's line through it (requestLog.ts). */
  logger: Logger;
  /** Default: a fresh registry bound to this indexer and refresher. */
  metrics?: Metrics;
  /** Appended to the server's own Apollo plugins (tests count what reaches Apollo with one). */
  extraPlugins?: ApolloServerPlugin<RolegraphContext>[];
  /** Spans for each request, when tracing is on (main.ts starts it); absent, no tracing code runs. */
  tracing?: RequestTracing;
  /** This replica's id, for `repository { instance }` (main.ts: ROLEGRAPH_INSTANCE_ID or host:pid). */
  instanceId?: string;
  /** Replicas over Redis (main.ts starts it when ROLEGRAPH_REDIS_URL is set); absent, one process as before. */
  cluster?: ServerCluster;
  /** Plain JSON POSTs to /graphql skip express's router (graphqlFastLane.ts). Default on; off, express answers them as before. */
  graphqlFastLane?: boolean;
}

/** What the server uses of the cluster: webhooks announce through it, readiness and metrics read it, APQ is shared through it. */
export type ServerCluster = Pick<Cluster, 'instanceId' | 'redis' | 'isLeader' | 'clusterHead' | 'announcePush' | 'persistedQueries'>;

/** How long a persisted query stays in the shared cache: bounded even on a Redis without an eviction policy. */
const SHARED_PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

export interface RolegraphServer {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<RolegraphContext>;
  metrics: Metrics;
  /** The plugin that answers queries from compiled code, when jit is on (its counts say how many it answered); null = graphql-js alone. */
  jit: JitPlugin<RolegraphContext> | null;
  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting, lets requests in flight finish, closes subscriptions. */
  close(): Promise<void>;
}

/**
 * Adapts the watcher's never-rejecting trigger to the mutation's contract (reject on failure).
 * Without a watcher, a refresher of our own (no polling) still queues overlapping mutations: the
 * indexer refuses a refresh while one runs, and the refresher is the one queue.
 */
function refreshThrough(refresher: Refresher | undefined, indexer: Indexer): () => Promise<RefreshResult> {
  refresher ??= createRefresher(indexer, { pollSeconds: 0 });
  return async () => {
    const result = await refresher.trigger('graphql');
    if (result === null) {
      const { lastError, lastErrorCode } = refresher.stats();
      throw new RefreshFailedError(`refresh failed: ${publicMessage(lastError ?? 'unknown error')}`, lastErrorCode === 'GIT_FAILED' ? 'GIT_FAILED' : 'REFRESH_FAILED');
    }
    return result;
  };
}

export async function createServer(deps: ServerDeps): Promise<RolegraphServer> {
  const { config, indexer, refresher, logger, tracing, cluster } = deps;
  const limits = config.limits ?? DEFAULT_LIMITS;
  const cacheEntries = config.responseCacheEntries ?? DEFAULT_RESPONSE_CACHE_ENTRIES;
  const metrics = deps.metrics ?? createMetrics({ indexer, cluster });
  const unbindMetrics = refresher ? metrics.bindRefresher(refresher) : () => {};
  const refresh = refreshThrough(refresher, indexer);
  const requestLog = createRequestLog(logger);
  const replica: ReplicaInfo | undefined =
    deps.instanceId === undefined ? undefined : { instance: deps.instanceId, clusterHead: () => cluster?.clusterHead() ?? null };
  const contextFor = (authorization: unknown): RolegraphContext =>
    createContext({ indexer, isAdmin: isAdminAuthorization(authorization, config.adminToken), refresh, replica });

  const pubSub = createRolegraphPubSub(limits.maxSubscriptions);
  const schema = await buildRolegraphSchema({ pubSub });
  const unpublish = publishHeadChanges(indexer, pubSub);

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers get their ETag (or none, when no-store) from httpCachingPlugin; express's weak
  // ETag of whatever res.send sends would label errors too. Static files keep theirs (sendFile).
  app.set('etag', false);
  // Behind a proxy the client address matters only for logs; never trust forwarded headers blindly.
  app.set('trust proxy', false);
  // Repeated public queries on the same head are answered as stored bytes before express and Apollo.
  const bytesCache =
    cacheEntries > 0
      ? createResponseBytesCache({
          maxEntries: cacheEntries,
          maxBytes: limits.responseCacheBytes,
          maxBodyBytes: limits.maxBodyBytes,
          currentHead: () => indexer.current()?.head.commit.sha ?? null,
          metrics,
          onHit(req, operationName) {
            requestLog.noteCacheHit(req, operationName);
            tracing?.noteCacheHit(req, operationName);
          },
        })
      : null;
  // Identical queries in flight at once share one execution and its bytes.
  const singleFlight = createSingleFlight({
    maxBodyBytes: limits.maxBodyBytes,
    currentHead: () => indexer.current()?.head.commit.sha ?? null,
    metrics,
    onShared: (req, operationName) => requestLog.noteSharedAnswer(req, operationName),
  });
  // Its request listener is attached once Apollo has started (below), before anything can listen.
  const httpServer = http.createServer();

  // Subscriptions (headChanged) over graphql-ws on the same path; the upgrade never reaches express.
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: limits.maxBodyBytes });
  const wsCleanup = serveGraphqlWs(wsServer, {
    server: {
      schema,
      // Same limits as /graphql, and subscriptions only (graphql-ws bypasses Apollo's pipeline).
      ...subscriptionLimits(limits),
      context: (ctx) => contextFor((ctx.connectionParams as Record<string, unknown> | undefined)?.authorization),
    },
    limits,
    logger,
  });

  const guard = queryLimits(limits, formatError);
  // With jit (the default), a plugin answers queries from compiled code (jitPlugin.ts says why a
  // plugin). Loaded only when on, as tracing is: graphql-jit's modules are ~40 ms of a start-up.
  const jit = (config.jit ?? DEFAULTS.jit) ? (await import('./jitPlugin')).jitPlugin<RolegraphContext>() : null;
  const { requestDidStart: metricsRequestDidStart, ...metricsServerHooks } = createMetricsPlugin<RolegraphContext>(metrics);
  const plugins: ApolloServerPlugin<RolegraphContext>[] = [
    ...(guard.plugins as ApolloServerPlugin<RolegraphContext>[]),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // Apollo's default landing page loads Apollo Sandbox from a CDN; we serve our own GraphiQL.
    ApolloServerPluginLandingPageDisabled(),
    // No field or type carries a cache hint, and httpCachingPlugin writes every Cache-Control itself;
    // Apollo's default cache-control plugin would still run a hook on every resolved field.
    ApolloServerPluginCacheControlDisabled(),
    // Inline traces are for federated subgraphs, which this is not; Apollo's default one would still start per request.
    ApolloServerPluginInlineTraceDisabled(),
    // The refusals' counter (invalidRequestWasReceived) is a server-level hook: a plugin of its own.
    metricsServerHooks,
    // One listener per request for these instead of seven (composeRequestPlugins.ts says why), in
    // the order they had; tracing, whose did-start hooks Apollo calls differently, stays apart.
    composeRequestPlugins<RolegraphContext>([
      { requestDidStart: metricsRequestDidStart },
      requestLog.plugin,
      httpCachingPlugin({ headMaxAgeSeconds: config.headMaxAgeSeconds ?? DEFAULTS.headMaxAgeSeconds }),
      noHttpSubscriptionsPlugin<RolegraphContext>(GRAPHQL_PATH),
      ...(bytesCache ? [bytesCache.plugin] : []),
      singleFlight.plugin,
      admissionPlugin<RolegraphContext>({ metrics }),
    ]),
    ...(tracing ? [tracing.plugin] : []),
    {
      async serverWillStart() {
        return {
          async drainServer() {
            await wsCleanup.dispose();
          },
        };
      },
    },
    ...(deps.extraPlugins ?? []),
    // Last: Apollo takes the first plugin's answer to responseForOperation, and the hooks before it stay as they are.
    ...(jit ? [jit] : []),
  ];
  // stopOnTerminationSignals off: main.ts owns shutdown. Apollo would stop, then re-send the signal
  // to the process, killing it mid-drain with exit code 1.
  // With replicas, a query hash registered through one is known to all (Apollo's own KeyvAdapter
  // convention, src/cluster/persistedQueryCache.ts); otherwise Apollo's in-memory default.
  const persistedQueries = cluster ? { cache: cluster.persistedQueries, ttl: SHARED_PERSISTED_QUERY_TTL_SECONDS } : undefined;
  const apollo = new ApolloServer<RolegraphContext>({ schema, ...guard, plugins, introspection: limits.introspection, stopOnTerminationSignals: false, persistedQueries, stringifyResult: answerText });
  await apollo.start();

  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(createHealthRouter(indexer, Date.now, () => (cluster ? { redis: cluster.redis(), leader: cluster.isLeader() } : NO_CLUSTER)));
  app.get('/metrics', metrics.handler);
  if (refresher) {
    app.use(
      createWebhookRouter({
        branch: config.branch,
        gitlabToken: config.gitlabToken ?? undefined,
        gitlabSigningSecret: config.gitlabSigningSecret ?? undefined,
        githubSecret: config.githubSecret ?? undefined,
        onPush: (info) => {
          // With replicas every one of them refreshes (this one too, through the channel).
          if (cluster) cluster.announcePush({ provider: info.provider, after: info.after });
          else void refresher.trigger(`webhook:${info.provider}`);
        },
        onOutcome: (provider, outcome) => metrics.countWebhook(provider, outcome),
        log: logger,
      }),
    );
  }
  // CORS before the GraphiQL router, whose GET route would answer OPTIONS itself (express's
  // automatic OPTIONS reply); every answer on the path, refused or not, then carries Vary: Origin.
  const cors = corsMiddleware(config.corsOrigins ?? NO_CORS);
  if (cors) app.use(GRAPHQL_PATH, cors);
  const graphqlContext = async (req: http.IncomingMessage): Promise<RolegraphContext> => {
    const contextValue = singleFlight.track(req, linkRequest(contextFor(req.headers.authorization), req));
    return bytesCache ? bytesCache.track(req, contextValue) : contextValue;
  };
  app.use(createGraphiqlRouter(GRAPHQL_PATH));
  app.use(createLadderRouter({ graphqlPath: GRAPHQL_PATH }));
  app.use(
    GRAPHQL_PATH,
    varyByAccept,
    allowGetQueries,
    ...jsonBody(limits),
    expressMiddleware(apollo, { context: ({ req }) => graphqlContext(req) }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(lastResortHandler(logger));

  // Outside in: the request log gives the request its id, tracing opens its span, the answer cache
  // may answer, an identical request in flight may, the fast lane runs a plain JSON POST through
  // Apollo, express routes the rest.
  const fastLane = (deps.graphqlFastLane ?? true) ? graphqlFastLane({ apollo, context: graphqlContext, cors, maxBodyBytes: limits.maxBodyBytes, onFailure: (err, path) => logFailure(logger, err, path) }) : null;
  const rest: RequestListener = fastLane ? fastLane(app) : app;
  const routed = bytesCache ? bytesCache.listener(singleFlight.listener(rest)) : singleFlight.listener(rest);
  httpServer.on('request', requestLog.listener(tracing ? tracing.listener(routed) : routed));

  let closed: Promise<void> | null = null;
  return {
    app,
    httpServer,
    apollo,
    metrics,
    jit,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    close() {
      closed ??= (async () => {
        unpublish();
        unbindMetrics();
        // stop() runs the drain plugins: the HTTP server stops accepting and idle sockets close,
        // then graphql-ws closes its sockets.
        await apollo.stop();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return closed;
    },
  };
}
