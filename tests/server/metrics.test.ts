import express from 'express';
import type { AddressInfo } from 'node:net';
import { register as globalRegistry } from 'prom-client';
import type { IndexStatus, IndexView, Role } from '../../src/index/types';
import { createMetrics, type IndexerReadout } from '../../src/server/metrics';
import { createRefresher } from '../../src/watch';

function status(over: Partial<IndexStatus> = {}): IndexStatus {
  return {
    phase: 'ready',
    url: 'https://gitlab.example/handbook.git',
    branch: 'main',
    contentDir: 'content/job-families',
    head: null,
    progress: null,
    lastError: null,
    lastRefreshAt: '2024-05-01T12:00:00.000Z',
    commitCount: 31,
    familyCount: 12,
    parsedBlobCount: 140,
    cacheWriteFailures: 0,
    cacheLastWriteError: null,
    pages: { parsed: 140, loaded: 0, shared: 0, sharedFailures: 0 },
    ...over,
  };
}

/** A readout double: the gauges only look at status() and the head's role count. */
function readout(roleCount: number, st: IndexStatus = status()): IndexerReadout {
  const roles = Array.from({ length: roleCount }, (_, i) => ({ id: `sales/x#r${i}` }) as Role);
  const view = { head: { roles } } as unknown as IndexView;
  return { status: () => st, current: () => view };
}

async function value(metrics: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const hit = values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return hit?.value;
}

describe('createMetrics', () => {
  it('uses a registry of its own, so two instances coexist and the global one stays clean', () => {
    const a = createMetrics();
    const b = createMetrics();
    expect(a.registry).not.toBe(b.registry);
    expect(globalRegistry.getSingleMetric('rolegraph_refresh_total')).toBeUndefined();
  });

  it('reads index gauges from the indexer at scrape time', async () => {
    let st = status();
    const metrics = createMetrics({ defaultMetrics: false, indexer: { ...readout(7), status: () => st } });
    expect(await value(metrics, 'rolegraph_index_families')).toBe(12);
    expect(await value(metrics, 'rolegraph_index_roles')).toBe(7);
    expect(await value(metrics, 'rolegraph_index_commits')).toBe(31);
    expect(await value(metrics, 'rolegraph_index_parsed_blobs')).toBe(140);
    expect(await value(metrics, 'rolegraph_index_last_refresh_timestamp_seconds')).toBe(Date.parse('2024-05-01T12:00:00.000Z') / 1000);
    expect(await value(metrics, 'rolegraph_index_phase', { phase: 'ready' })).toBe(1);
    st = status({ phase: 'refreshing', commitCount: 32 });
    expect(await value(metrics, 'rolegraph_index_commits')).toBe(32);
    expect(await value(metrics, 'rolegraph_index_phase', { phase: 'ready' })).toBe(0);
    expect(await value(metrics, 'rolegraph_index_phase', { phase: 'refreshing' })).toBe(1);
  });

  it('counts failed cache writes as the indexer reports them', async () => {
    let st = status();
    const metrics = createMetrics({ defaultMetrics: false, indexer: { status: () => st, current: () => null } });
    expect(await value(metrics, 'rolegraph_cache_write_failures_total')).toBe(0);
    st = status({ cacheWriteFailures: 3, cacheLastWriteError: 'ENOSPC: no space left on device' });
    expect(await value(metrics, 'rolegraph_cache_write_failures_total')).toBe(3);
    expect(await metrics.registry.metrics()).toContain('# TYPE rolegraph_cache_write_failures_total counter');
  });

  it('reads the Redis and leader gauges from the cluster at scrape time, and has neither without one', async () => {
    let redis: 'up' | 'down' = 'up';
    let leader = true;
    const metrics = createMetrics({ defaultMetrics: false, cluster: { redis: () => redis, isLeader: () => leader } });
    expect([await value(metrics, 'rolegraph_redis_up'), await value(metrics, 'rolegraph_cluster_leader')]).toEqual([1, 1]);
    redis = 'down';
    leader = false;
    expect([await value(metrics, 'rolegraph_redis_up'), await value(metrics, 'rolegraph_cluster_leader')]).toEqual([0, 0]);
    const single = await createMetrics({ defaultMetrics: false }).registry.metrics();
    expect([single.includes('rolegraph_redis_up'), single.includes('rolegraph_cluster_leader')]).toEqual([false, false]);
  });

  it('reports where pages came from and counts failed calls to the shared parse cache', async () => {
    let st = status();
    const metrics = createMetrics({ defaultMetrics: false, indexer: { status: () => st, current: () => null } });
    expect(await value(metrics, 'rolegraph_shared_parse_cache_failures_total')).toBe(0);
    st = status({ pages: { parsed: 0, loaded: 12, shared: 128, sharedFailures: 2 } });
    expect(await value(metrics, 'rolegraph_shared_parse_cache_failures_total')).toBe(2);
    expect(await value(metrics, 'rolegraph_index_pages', { source: 'parsed' })).toBe(0);
    expect(await value(metrics, 'rolegraph_index_pages', { source: 'loaded' })).toBe(12);
    expect(await value(metrics, 'rolegraph_index_pages', { source: 'shared' })).toBe(128);
  });

  it('reports zero before an indexer is bound, and the bound one after', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    expect(await value(metrics, 'rolegraph_index_roles')).toBe(0);
    metrics.bindIndexer(readout(3));
    expect(await value(metrics, 'rolegraph_index_roles')).toBe(3);
  });

  it('counts refreshes and failures from a bound refresher', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let fail = false;
    const refresher = createRefresher(
      {
        refresh: async () => {
          if (fail) throw new Error('remote down');
          return { head: { sha: 'a'.repeat(40), position: 0, message: '', authorName: '', authorEmail: '', date: '', parents: [] }, previousHead: null, changedRoleIds: [] };
        },
      },
      { pollSeconds: 0 },
    );
    metrics.bindRefresher(refresher);
    await refresher.trigger('test');
    fail = true;
    await refresher.trigger('test');
    await refresher.trigger('test');
    expect(await value(metrics, 'rolegraph_refresh_total')).toBe(3);
    expect(await value(metrics, 'rolegraph_refresh_failures_total')).toBe(2);
    const text = await metrics.registry.getSingleMetricAsString('rolegraph_refresh_duration_seconds');
    expect(text).toContain('rolegraph_refresh_duration_seconds_count{outcome="success"} 1');
    expect(text).toContain('rolegraph_refresh_duration_seconds_count{outcome="failure"} 2');
  });

  it('counts webhook deliveries coalesced into the window refresh of a bound refresher', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const head = { sha: 'a'.repeat(40), position: 0, message: '', authorName: '', authorEmail: '', date: '', parents: [] };
    const refresher = createRefresher({ refresh: async () => ({ head, previousHead: null, changedRoleIds: [] }) }, { pollSeconds: 0, webhookWindowSeconds: 60 });
    metrics.bindRefresher(refresher);
    await refresher.trigger('webhook:gitlab');
    // Inside the window: the first waits for its end, the next three join it.
    for (let i = 0; i < 4; i += 1) void refresher.trigger('webhook:gitlab');
    expect(await value(metrics, 'rolegraph_webhook_coalesced_total')).toBe(3);
    await refresher.stop();
  });

  it('counts webhook outcomes by provider', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.countWebhook('github', 'accepted');
    metrics.countWebhook('github', 'accepted');
    metrics.countWebhook('gitlab', 'unauthorized');
    expect(await value(metrics, 'rolegraph_webhook_requests_total', { provider: 'github', outcome: 'accepted' })).toBe(2);
    expect(await value(metrics, 'rolegraph_webhook_requests_total', { provider: 'gitlab', outcome: 'unauthorized' })).toBe(1);
  });

  it('caps distinct operation names and folds the rest into __other__', async () => {
    const metrics = createMetrics({ defaultMetrics: false, maxOperationNames: 2 });
    for (const name of ['Roles', 'Family', 'Third', 'Roles', null, 'not a name!']) metrics.observeGraphqlRequest(name, 0.01);
    const text = await metrics.registry.getSingleMetricAsString('rolegraph_graphql_request_duration_seconds');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_count{operation="Roles"} 2');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_count{operation="Family"} 1');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_count{operation="__other__"} 2');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_count{operation="anonymous"} 1');
    expect(text).not.toContain('operation="Third"');
  });

  it('counts GraphQL errors one per error by code, capping distinct codes into __other__', async () => {
    const metrics = createMetrics({ defaultMetrics: false, maxErrorCodes: 2 });
    metrics.countGraphqlErrors(['BAD_REF', 'NOT_FOUND', 'NOT_FOUND']);
    metrics.countGraphqlErrors([]);
    metrics.countGraphqlErrors(['TIMEOUT', 'lower case', 'BAD_REF']);
    const text = await metrics.registry.getSingleMetricAsString('rolegraph_graphql_errors_total');
    expect(text).toContain('rolegraph_graphql_errors_total{code="BAD_REF"} 2');
    expect(text).toContain('rolegraph_graphql_errors_total{code="NOT_FOUND"} 2');
    expect(text).toContain('rolegraph_graphql_errors_total{code="__other__"} 2');
    expect(text).not.toContain('code="TIMEOUT"');
    expect(text).not.toContain('lower case');
  });

  it('serves the Prometheus text format on GET /metrics', async () => {
    const metrics = createMetrics({ indexer: readout(5) });
    const app = express();
    app.get('/metrics', metrics.handler);
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toMatch(/^rolegraph_index_roles 5$/m);
      expect(text).toContain('# TYPE rolegraph_refresh_duration_seconds histogram');
      expect(text).toContain('process_cpu_user_seconds_total');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
