// Request spans over the production server (createServer), a real git repository and the
// OpenTelemetry SDK in process, keeping ended spans in its in-memory exporter: a GraphQL request
// makes a server span and an operation span under it, both with our request id, in the client's
// trace when it sent a traceparent. (The OTLP export itself is tested on the built command, in
// tracing.test.ts: the exporter's transport loads node:http with import(), which jest's CommonJS
// runtime refuses.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createRequestTracing } from '../../src/server/requestTracing';
import { createRefresher, type Refresher } from '../../src/watch';
import type { Indexer } from '../../src/index/types';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let refresher: Refresher;
let server: RolegraphServer;
let base: string;

const parentOf = (s: ReadableSpan): string | undefined => s.parentSpanContext?.spanId;

/** The spans ended so far, once the server span of `requestId` has ended (it ends on the answer's `finish`). */
async function spansAfter(requestId: string): Promise<ReadableSpan[]> {
  for (let i = 0; i < 100; i += 1) {
    const spans = exporter.getFinishedSpans();
    if (spans.some((s) => s.kind === SpanKind.SERVER && s.attributes['rolegraph.request_id'] === requestId)) return spans;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no server span for ${requestId}`);
}

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add High Velocity Sales', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-requesttracing-test-'));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, {});
  const logger = pino({ level: 'silent' });
  indexer = createIndexerFor(config, repo.dir, logger);
  refresher = createRefresher(indexer, { pollSeconds: 0 });
  server = await createServer({ config, indexer, refresher, logger, tracing: createRequestTracing(provider.getTracer('test')) });
  base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  await refresher.trigger('test');
});

afterAll(async () => {
  await refresher?.stop();
  await server?.close();
  await provider.shutdown();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

beforeEach(() => exporter.reset());

describe('request spans', () => {
  it('a server span and an operation span under it, both with the request id, in the client trace', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-req-0001', traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01` },
      body: JSON.stringify({ query: 'query TeamLead($id: ID!) { role(id: $id) { title } }', variables: { id: TEAM_LEAD } }),
    });
    expect(res.status).toBe(200);
    const spans = await spansAfter('trace-req-0001');
    const httpSpan = spans.find((s) => s.name === 'POST /graphql')!;
    const operation = spans.find((s) => s.name === 'query TeamLead')!;

    // The server span continues the client's span and says what the request was.
    expect(httpSpan.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(httpSpan)).toBe(CLIENT_SPAN_ID);
    expect(httpSpan.kind).toBe(SpanKind.SERVER);
    expect(httpSpan.attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'http.route': '/graphql',
      'rolegraph.request_id': 'trace-req-0001',
      'http.response.status_code': 200,
    });
    expect(httpSpan.status.code).toBe(SpanStatusCode.UNSET);

    // The operation span sits under it, named after the operation, with our request id.
    expect(operation.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(operation)).toBe(httpSpan.spanContext().spanId);
    expect(operation.attributes).toEqual({ 'rolegraph.request_id': 'trace-req-0001', 'graphql.operation.type': 'query', 'graphql.operation.name': 'TeamLead' });
    const phases = spans.filter((s) => parentOf(s) === operation.spanContext().spanId).map((s) => s.name).sort();
    expect(phases).toEqual(['graphql.execute', 'graphql.parse', 'graphql.validate']);
  });

  it('puts the error codes on the operation span, never the query text or variables', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-req-0002' },
      body: JSON.stringify({ query: 'query Old($at: String) { roles(first: 1, at: $at) { totalCount } }', variables: { at: 'SPAN-SECRET-47' } }),
    });
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REF');
    const spans = await spansAfter('trace-req-0002');
    const operation = spans.find((s) => s.name === 'query Old')!;
    expect(operation.attributes['rolegraph.graphql.error_codes']).toEqual(['BAD_REF']);
    // An answer with an error is graphql-js's even with jit on (src/server/jitPlugin.ts): still one execute span.
    expect(spans.filter((s) => parentOf(s) === operation.spanContext().spanId).map((s) => s.name).sort()).toEqual(['graphql.execute', 'graphql.parse', 'graphql.validate']);
    // A client's mistake is not the server's failure.
    expect(operation.status.code).toBe(SpanStatusCode.UNSET);
    // No traceparent: a fresh trace, rooted at the server span.
    expect(parentOf(spans.find((s) => s.name === 'POST /graphql')!)).toBeUndefined();
    const everything = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    expect(everything).not.toContain('SPAN-SECRET');
    expect(everything).not.toContain('roles(first');
  });

  it('marks an answer from the HTTP answer cache on the server span', async () => {
    const body = JSON.stringify({ query: 'query Count { roles(first: 3) { totalCount } }' });
    for (const id of ['trace-miss', 'trace-hit']) {
      await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body });
    }
    const spans = await spansAfter('trace-hit');
    const hit = spans.find((s) => s.attributes['rolegraph.request_id'] === 'trace-hit')!;
    expect(hit.name).toBe('POST /graphql');
    expect(hit.attributes['rolegraph.cache']).toBe('hit');
    expect(hit.attributes['graphql.operation.name']).toBe('Count');
    // Apollo never ran for the hit: the only operation span is the miss's.
    expect(spans.filter((s) => s.name === 'query Count').map((s) => s.attributes['rolegraph.request_id'])).toEqual(['trace-miss']);
  });

  it('names a request off the known routes by its method alone', async () => {
    const res = await fetch(`${base}/some/unknown/path?x=1`, { headers: { 'x-request-id': 'trace-req-0404' } });
    expect(res.status).toBe(404);
    const span = (await spansAfter('trace-req-0404')).find((s) => s.attributes['rolegraph.request_id'] === 'trace-req-0404')!;
    expect(span.name).toBe('GET');
    expect(span.attributes['url.path']).toBe('/some/unknown/path');
    expect(span.attributes['http.route']).toBeUndefined();
  });
});
