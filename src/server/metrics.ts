// Prometheus metrics on a registry of our own (never prom-client's global one, so two servers in
// one process — tests, the CLI — never collide), served by `GET /metrics`.
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Indexer, IndexPhase } from '../index';
import type { RefreshEvent, Refresher } from '../watch';
import type { Provider, WebhookOutcome } from './webhooks';

/** What the gauges read at scrape time. */
export type IndexerReadout = Pick<Indexer, 'status' | 'current'>;

/** What the cluster gauges read at scrape time (src/cluster's Cluster has both). */
export interface ClusterReadout {
  redis(): 'up' | 'down';
  isLeader(): boolean;
}

export interface MetricsOptions {
  indexer?: IndexerReadout;
  /** Replicas over Redis: adds `rolegraph_redis_up` and `rolegraph_cluster_leader`; absent (one process), neither exists. */
  cluster?: ClusterReadout;
  /** Node process metrics (memory, CPU, event loop). Default true. */
  defaultMetrics?: boolean;
  /** Distinct GraphQL operation names kept as labels; later ones share `__other__`. Default 100. */
  maxOperationNames?: number;
  /** Distinct error codes kept as labels; later ones share `__other__`. Default 50. */
  maxErrorCodes?: number;
}

export interface Metrics {
  readonly registry: Registry;
  /** Record one refresh attempt (wire with `bindRefresher`). */
  observeRefresh(event: RefreshEvent): void;
  /** Subscribe to a refresher's attempts. Returns an unsubscribe function. */
  bindRefresher(refresher: Pick<Refresher, 'onRefresh'> & Partial<Pick<Refresher, 'stats'>>): () => void;
  /** Gauges read this indexer's status at scrape time. */
  bindIndexer(indexer: IndexerReadout): void;
  /** Record one webhook delivery's outcome (pass as the router's `onOutcome`). */
  countWebhook(provider: Provider, outcome: WebhookOutcome): void;
  /** Record one GraphQL request's duration; the name is bounded (see maxOperationNames). */
  observeGraphqlRequest(operationName: string | null | undefined, seconds: number): void;
  /** Count the errors of one GraphQL answer, one per error, by `extensions.code` (bounded like names). */
  countGraphqlErrors(codes: readonly string[]): void;
  /** Count one answer sent as the bytes of an identical request's execution (plugins/singleFlight.ts). */
  countSharedAnswer(): void;
  /** One more (+1) or one fewer (-1) request waiting in `queue` (singleFlight: for an identical one; admission: for a slot). */
  trackWaiting(queue: WaitQueue, delta: 1 | -1): void;
  /** `GET /metrics`. */
  readonly handler: RequestHandler;
}

const PHASES: readonly IndexPhase[] = ['starting', 'cloning', 'indexing', 'ready', 'refreshing', 'failed'];
/** A GraphQL operation name (spec: Name); anything else is not a name a client legitimately sent. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
/** An error code as ours and Apollo's are spelled (BAD_REF, GRAPHQL_VALIDATION_FAILED); anything else shares `__other__`. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
export const ANONYMOUS_OPERATION = 'anonymous';
/** Where a GraphQL request can wait before it executes. */
export type WaitQueue = 'singleFlight' | 'admission';
/** The shared label of values past a cap (operation names, error codes). */
export const OTHER_LABEL = '__other__';
export const OTHER_OPERATION = OTHER_LABEL;

export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  let indexer: IndexerReadout | undefined = opts.indexer;
  let refresherStats: Refresher['stats'] | undefined;
  const maxOperationNames = opts.maxOperationNames ?? 100;
  const operationNames = new Set<string>();
  const maxErrorCodes = opts.maxErrorCodes ?? 50;
  const errorCodes = new Set<string>();

  const refreshes = new Counter({
    name: 'rolegraph_refresh_total',
    help: 'Refresh attempts (fetch, index, swap), successful or not.',
    registers: [registry],
  });
  const refreshFailures = new Counter({
    name: 'rolegraph_refresh_failures_total',
    help: 'Refresh attempts that failed; the last good index kept serving.',
    registers: [registry],
  });
  const refreshDuration = new Histogram({
    name: 'rolegraph_refresh_duration_seconds',
    help: 'Duration of refresh attempts.',
    labelNames: ['outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'rolegraph_webhook_requests_total',
    help: 'Webhook deliveries by provider and outcome.',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  new Counter({
    name: 'rolegraph_webhook_coalesced_total',
    help: 'Webhook deliveries that caused no fetch of their own: they joined the one waiting for the end of the webhook window.',
    registers: [registry],
    collect() {
      // The refresher counts; a scrape copies its count.
      this.reset();
      this.inc(refresherStats?.().webhookCoalesced ?? 0);
    },
  });
  const graphqlDuration = new Histogram({
    name: 'rolegraph_graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'rolegraph_graphql_errors_total',
    help: 'Errors in GraphQL answers by extensions.code, one per error (the code the client saw).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const sharedAnswers = new Counter({
    name: 'rolegraph_graphql_shared_answers_total',
    help: 'GraphQL answers sent as the bytes of an identical request that was executing: requests that did not execute themselves.',
    registers: [registry],
  });
  const waiting = new Gauge({
    name: 'rolegraph_graphql_waiting_requests',
    help: 'GraphQL requests waiting before they execute: for an identical request in flight (singleFlight) or for a slot among the large operations (admission).',
    labelNames: ['queue'] as const,
    registers: [registry],
  });
  waiting.set({ queue: 'singleFlight' }, 0);
  waiting.set({ queue: 'admission' }, 0);

  /** A gauge whose value is read from the indexer when Prometheus scrapes. */
  function indexGauge(name: string, help: string, read: (ix: IndexerReadout) => number): void {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(indexer ? read(indexer) : 0);
      },
    });
  }
  indexGauge('rolegraph_index_families', 'Families and department pages at the served head.', (ix) => ix.status().familyCount);
  indexGauge('rolegraph_index_roles', 'Roles at the served head.', (ix) => ix.current()?.head.roles.length ?? 0);
  indexGauge('rolegraph_index_commits', 'Commits in the indexed timeline of the tracked branch.', (ix) => ix.status().commitCount);
  indexGauge('rolegraph_index_parsed_blobs', 'Distinct blobs parsed (each is parsed once, ever).', (ix) => ix.status().parsedBlobCount);
  indexGauge('rolegraph_index_last_refresh_timestamp_seconds', 'When the index was last confirmed current with the remote.', (ix) => {
    const at = ix.status().lastRefreshAt;
    return at ? Date.parse(at) / 1000 : 0;
  });
  new Counter({
    name: 'rolegraph_cache_write_failures_total',
    help: 'Writes to the cache folder (parse cache, timeline) that failed, e.g. a full disk; the index kept serving from memory.',
    registers: [registry],
    collect() {
      // The indexer counts; a scrape copies its count (a counter that only ever grows, per process).
      this.reset();
      this.inc(indexer?.status().cacheWriteFailures ?? 0);
    },
  });
  new Counter({
    name: 'rolegraph_shared_parse_cache_failures_total',
    help: 'Calls to the shared parse cache (Redis) that failed or timed out; their pages were parsed locally.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(indexer?.status().pages.sharedFailures ?? 0);
    },
  });
  new Gauge({
    name: 'rolegraph_index_pages',
    help: 'Page versions held, by where they came from: parsed here, loaded from the cache folder, or shared (Redis).',
    labelNames: ['source'] as const,
    registers: [registry],
    collect() {
      const pages = indexer?.status().pages;
      for (const source of ['parsed', 'loaded', 'shared'] as const) this.set({ source }, pages?.[source] ?? 0);
    },
  });
  new Gauge({
    name: 'rolegraph_index_phase',
    help: 'The index phase: 1 for the current phase, 0 for the others.',
    labelNames: ['phase'] as const,
    registers: [registry],
    collect() {
      const phase = indexer?.status().phase;
      for (const p of PHASES) this.set({ phase: p }, p === phase ? 1 : 0);
    },
  });
  const cluster = opts.cluster;
  if (cluster) {
    new Gauge({
      name: 'rolegraph_redis_up',
      help: 'Whether this replica reaches the Redis that coordinates replicas (1) or runs degraded, polling on its own (0).',
      registers: [registry],
      collect() {
        this.set(cluster.redis() === 'up' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'rolegraph_cluster_leader',
      help: 'Whether this replica holds the polling leader lock (1): exactly one replica should, while Redis is up.',
      registers: [registry],
      collect() {
        this.set(cluster.isLeader() ? 1 : 0);
      },
    });
  }

  function operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    if (operationNames.has(name)) return name;
    // Names are client-chosen; without a cap each new one would add a time series forever.
    if (operationNames.size >= maxOperationNames) return OTHER_OPERATION;
    operationNames.add(name);
    return name;
  }

  function errorCodeLabel(code: string): string {
    if (!ERROR_CODE.test(code)) return OTHER_LABEL;
    if (errorCodes.has(code)) return code;
    // The formatter masks unknown codes, so the set is small; the cap holds should that ever slip.
    if (errorCodes.size >= maxErrorCodes) return OTHER_LABEL;
    errorCodes.add(code);
    return code;
  }

  const metrics: Metrics = {
    registry,
    observeRefresh(event) {
      refreshes.inc();
      if (!event.ok) refreshFailures.inc();
      refreshDuration.observe({ outcome: event.ok ? 'success' : 'failure' }, event.durationSeconds);
    },
    bindRefresher(refresher) {
      refresherStats = refresher.stats?.bind(refresher);
      return refresher.onRefresh((event) => metrics.observeRefresh(event));
    },
    bindIndexer(next) {
      indexer = next;
    },
    countWebhook(provider, outcome) {
      webhooks.inc({ provider, outcome });
    },
    observeGraphqlRequest(operationName, seconds) {
      graphqlDuration.observe({ operation: operationLabel(operationName) }, seconds);
    },
    countGraphqlErrors(codes) {
      for (const code of codes) graphqlErrors.inc({ code: errorCodeLabel(code) });
    },
    countSharedAnswer() {
      sharedAnswers.inc();
    },
    trackWaiting(queue, delta) {
      waiting.inc({ queue }, delta);
    },
    handler: (_req: Request, res: Response) => {
      registry.metrics().then(
        (text) => {
          res.set('Content-Type', registry.contentType);
          res.send(text);
        },
        () => {
          res.status(500).type('text/plain').send('metrics collection failed\n');
        },
      );
    },
  };
  return metrics;
}
