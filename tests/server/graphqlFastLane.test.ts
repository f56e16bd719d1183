// The GraphQL fast lane (src/server/graphqlFastLane.ts) answers what express answered: the same
// requests, sent over real HTTP to two servers over one index — one with the fast lane, one with it
// switched off — get the same status, headers (but for the date and a fresh request id) and body
// bytes, write the same request log line, and count the same in /metrics. Requests the lane does
// not take (other methods, content types, oversized or malformed bodies, admin requests) must
// reach express on both servers; plain JSON POSTs must not reach it on the fast one.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Indexer } from '../../src/index/types';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const APP_ORIGIN = 'https://hr.example.com';
const ADMIN_TOKEN = 'admin-token-fast-lane';
const MAX_BODY_BYTES = 4096;

interface Sent {
  method: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Received {
  status: number;
  /** Lower-cased names; repeated headers joined in order. */
  headers: Record<string, string>;
  body: Buffer;
}

/** Raw node:http, so every header and byte arrives as sent (fetch would merge and decode). */
function send(base: string, req: Sent): Promise<Received> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.path ?? '/graphql', base);
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    const r = http.request(url, { method: req.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase();
          out[name] = out[name] === undefined ? res.rawHeaders[i + 1]! : `${out[name]}, ${res.rawHeaders[i + 1]!}`;
        }
        resolve({ status: res.statusCode!, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** What must match between the two servers: the date and a generated request id differ by nature. */
function comparable(r: Received): { status: number; headers: Record<string, string>; body: string } {
  const { date: _date, ...headers } = r.headers;
  if (headers['x-request-id'] !== undefined && headers['x-request-id'] !== 'client-id-1') headers['x-request-id'] = '<generated>';
  return { status: r.status, headers, body: r.body.toString('latin1') };
}

const json = (body: unknown, headers: Record<string, string> = {}): Sent => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const GRADES = '{ grades { level roles { title } } }';
const APQ_QUERY = '{ repository { branch } }';
const APQ_HASH = 'e1f7e5f0bd4e5c2cb2e1a4f9b0b4fa3a8f12a0b8c7d51e28e0a1c6f5c3a4b1d2';

/** Each case: a name and the requests sent in order (persisted queries need two). */
const CASES: Array<[string, Sent[]]> = [
  ['a query', [json({ query: GRADES })]],
  ['a query with variables and an operation name', [json({ query: 'query R($id: ID!) { role(id: $id) { title grade } }', variables: { id: TEAM_LEAD }, operationName: 'R' })]],
  ['a GraphQL error (bad ref)', [json({ query: '{ families(at: "no-such-ref") { totalCount } }' })]],
  ['a GraphQL error (not found)', [json({ query: '{ role(id: "sales/nothing#here") { title } }' })]],
  ['a parse error', [json({ query: '{ grades { level ' })]],
  ['a validation error', [json({ query: '{ grades { nosuchfield } }' })]],
  ['no query at all', [json({ variables: {} })]],
  ['a batch (an array body)', [json([{ query: GRADES }, { query: '{ __typename }' }])]],
  ['an unknown operation name', [json({ query: '{ __typename }', operationName: 'Nope' })]],
  ['a mutation without the admin token', [json({ query: 'mutation { refresh { head { sha } } }' })]],
  ['live state (repository: no-store)', [json({ query: '{ repository { branch } }' })]],
  ['a client request id', [json({ query: '{ __typename }' }, { 'x-request-id': 'client-id-1' })]],
  ['Accept: application/graphql-response+json', [json({ query: GRADES }, { accept: 'application/graphql-response+json' })]],
  ['Accept: application/graphql-response+json, a GraphQL error', [json({ query: '{ grades { level ' }, { accept: 'application/graphql-response+json' })]],
  ['Accept: text/html only', [json({ query: GRADES }, { accept: 'text/html' })]],
  ['content type with charset', [json({ query: GRADES }, { 'content-type': 'application/json; charset=utf-8' })]],
  ['an allowed origin', [json({ query: GRADES }, { origin: APP_ORIGIN })]],
  ['an origin not allowed', [json({ query: GRADES }, { origin: 'https://evil.example.net' })]],
  [
    'a persisted query: hash miss, then registered, then hit',
    [
      json({ extensions: { persistedQuery: { version: 1, sha256Hash: APQ_HASH } } }),
      json({ query: APQ_QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: APQ_HASH } } }),
      json({ extensions: { persistedQuery: { version: 1, sha256Hash: APQ_HASH } } }),
    ],
  ],
  ['a persisted query whose hash does not match its text', [json({ query: GRADES, extensions: { persistedQuery: { version: 1, sha256Hash: APQ_HASH.replace(/^e/, 'f') } } })]],
  ['bad JSON', [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ grades' }]],
  ['a JSON string body', [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '"{ grades { level } }"' }]],
  ['an oversized body', [json({ query: `{ __typename } # ${'x'.repeat(MAX_BODY_BYTES)}` })]],
  ['a wrong content type (CSRF)', [{ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: GRADES }) }]],
  ['application/graphql', [{ method: 'POST', headers: { 'content-type': 'application/graphql' }, body: GRADES }]],
  ['no content type', [{ method: 'POST', body: JSON.stringify({ query: GRADES }) }]],
  ['a gzip body', [{ method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: JSON.stringify({ query: GRADES }) }]],
  ['an admin request', [json({ query: GRADES }, { authorization: `Bearer ${ADMIN_TOKEN}` })]],
  ['GET with query parameters', [{ method: 'GET', path: `/graphql?query=${encodeURIComponent(GRADES)}`, headers: { accept: 'application/json' } }]],
  ['HEAD with query parameters', [{ method: 'HEAD', path: `/graphql?query=${encodeURIComponent(GRADES)}`, headers: { accept: 'application/json' } }]],
  ['a CORS preflight', [{ method: 'OPTIONS', headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }]],
  ['a POST to a query string path', [{ ...json({ query: GRADES }), path: '/graphql?x=1' }]],
  ['a POST elsewhere', [{ ...json({ query: GRADES }), path: '/nowhere' }]],
];

interface Side {
  server: RolegraphServer;
  base: string;
  lines: Array<Record<string, unknown>>;
  /** Requests express's app saw. */
  viaExpress: string[];
}

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let fast: Side;
let slow: Side;

async function side(fastLane: boolean): Promise<Side> {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const config = loadConfig(
    { repo: repo.dir, cacheDir, pollSeconds: 0 },
    { ROLEGRAPH_CORS_ORIGINS: APP_ORIGIN, ROLEGRAPH_ANSWER_CACHE_ENTRIES: '0', ROLEGRAPH_MAX_BODY_BYTES: String(MAX_BODY_BYTES), ROLEGRAPH_ADMIN_TOKEN: ADMIN_TOKEN },
  );
  const server = await createServer({ config, indexer, logger, graphqlFastLane: fastLane });
  const viaExpress: string[] = [];
  // express's app hands every request to its (untyped) app.handle: count what reaches it.
  const app = server.app as unknown as { handle: (req: http.IncomingMessage, ...rest: unknown[]) => unknown };
  const handle = app.handle.bind(app);
  app.handle = (req, ...rest) => {
    viaExpress.push(`${req.method} ${req.url}`);
    return handle(req, ...rest);
  };
  const base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  return { server, base, lines, viaExpress };
}

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add the high-velocity family', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-fastlane-'));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, {});
  indexer = createIndexerFor(config, repo.dir, pino({ level: 'silent' }));
  await indexer.refresh();
  fast = await side(true);
  slow = await side(false);
});

afterAll(async () => {
  await fast?.server.close();
  await slow?.server.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

/** The request's log line without what differs by nature (time, duration, generated id). */
function logLine(s: Side): Record<string, unknown> {
  const line = s.lines.filter((l) => l.msg === 'request completed' || l.msg === 'request errored').at(-1);
  expect(line).toBeDefined();
  const { time: _t, durationMs, requestId, pid: _p, hostname: _h, ...rest } = line!;
  expect(typeof durationMs).toBe('number');
  expect(typeof requestId).toBe('string');
  return rest;
}

describe.each(CASES)('%s', (_name, requests) => {
  it('gets the same status, headers, bytes and log line with and without the fast lane', async () => {
    for (const req of requests) {
      const before = { fast: fast.lines.length, slow: slow.lines.length };
      const [a, b] = await Promise.all([send(fast.base, req), send(slow.base, req)]);
      expect(comparable(a)).toEqual(comparable(b));
      // The log line is written as the answer finishes; wait for both.
      await new Promise((r) => setImmediate(r));
      expect(fast.lines.length).toBeGreaterThan(before.fast);
      expect(slow.lines.length).toBeGreaterThan(before.slow);
      expect(logLine(fast)).toEqual(logLine(slow));
    }
  });
});

describe('metrics', () => {
  it('counts the same GraphQL requests and errors both ways', async () => {
    const graphqlCounts = async (s: Side): Promise<string[]> => {
      const text = (await send(s.base, { method: 'GET', path: '/metrics' })).body.toString('utf8');
      return text.split('\n').filter((l) => /^rolegraph_graphql_(request_duration_seconds_count|errors_total)/.test(l));
    };
    const [a, b] = await Promise.all([graphqlCounts(fast), graphqlCounts(slow)]);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});

describe('which requests take the fast lane', () => {
  beforeEach(() => {
    fast.viaExpress.length = 0;
    slow.viaExpress.length = 0;
  });

  it('runs plain JSON POSTs to /graphql past express, and only with the lane on', async () => {
    for (const req of [json({ query: GRADES }), json({ query: '{ grades { level ' }, { origin: APP_ORIGIN }), json([{ query: GRADES }])]) {
      await send(fast.base, req);
      await send(slow.base, req);
    }
    expect(fast.viaExpress).toEqual([]);
    expect(slow.viaExpress).toEqual(['POST /graphql', 'POST /graphql', 'POST /graphql']);
  });

  it('leaves everything else to express', async () => {
    const others: Sent[] = [
      { method: 'GET', path: `/graphql?query=${encodeURIComponent(GRADES)}` },
      { method: 'OPTIONS', headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' } },
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
      json({ query: GRADES }, { authorization: `Bearer ${ADMIN_TOKEN}` }),
      json({ query: `# ${'x'.repeat(MAX_BODY_BYTES)}` }),
      { ...json({ query: GRADES }), path: '/graphql?x=1' },
      { method: 'GET', path: '/healthz' },
    ];
    for (const req of others) await send(fast.base, req);
    expect(fast.viaExpress).toEqual(['GET /graphql?query=%7B%20grades%20%7B%20level%20roles%20%7B%20title%20%7D%20%7D%20%7D', 'OPTIONS /graphql', 'POST /graphql', 'POST /graphql', 'POST /graphql', 'POST /graphql?x=1', 'GET /healthz']);
  });
});
