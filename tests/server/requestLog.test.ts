// The request log over the production server (createServer), a real git repository and a real
// pino logger writing into memory: one line per request with its id, operation, duration, status
// and error codes — and nothing a client sent in its query, variables or headers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createRefresher, type Refresher } from '../../src/watch';
import type { Indexer } from '../../src/index/types';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const ADMIN_TOKEN = 'admin-token-LOGSECRET-1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  req?: { method: string; path: string };
  res?: { statusCode: number };
  durationMs?: number;
  graphql?: { operationName: string | null; errorCodes: string[]; cache?: string };
  [key: string]: unknown;
}

const raw: string[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void raw.push(line) });

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let refresher: Refresher;
let server: RolegraphServer;
let base: string;

/** The one line logged for `id`, once the answer has gone out (logged on `finish`). */
async function lineFor(id: string): Promise<{ line: LogLine; text: string }> {
  for (let i = 0; i < 100; i += 1) {
    const found = raw.filter((text) => (JSON.parse(text) as LogLine).requestId === id);
    if (found.length > 1) throw new Error(`${found.length} lines for ${id}`);
    if (found.length === 1) return { line: JSON.parse(found[0]!) as LogLine, text: found[0]! };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no line for ${id}`);
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; id: string; json: any }> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, id: res.headers.get('x-request-id') ?? '', json: await res.json() };
}

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add High Velocity Sales', tag: 'v1', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-requestlog-test-'));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, { ROLEGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
  indexer = createIndexerFor(config, repo.dir, pino({ level: 'silent' }));
  refresher = createRefresher(indexer, { pollSeconds: 0 });
  server = await createServer({ config, indexer, refresher, logger });
  base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  await refresher.trigger('test');
});

afterAll(async () => {
  await refresher?.stop();
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('the request log', () => {
  it('writes one line per request: id, method, path, status, duration, operation, no error codes', async () => {
    const { status, id } = await post({ query: 'query TeamLead($id: ID!) { role(id: $id) { title } }', variables: { id: TEAM_LEAD } }, { 'x-request-id': 'client-req-0001' });
    expect(status).toBe(200);
    expect(id).toBe('client-req-0001');
    const { line } = await lineFor(id);
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      requestId: 'client-req-0001',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      durationMs: expect.any(Number),
      graphql: { operationName: 'TeamLead', errorCodes: [] },
      msg: 'request completed',
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('never logs the query text, its literals, variables or headers', async () => {
    const literal = 'LITERAL-SECRET-42';
    const variable = 'VARIABLE-SECRET-43';
    const { id } = await post(
      { query: `query Leaky($id: ID!) { a: role(id: $id) { title } b: roles(first: 1, at: "${literal}") { totalCount } }`, variables: { id: variable } },
      { authorization: `Bearer ${ADMIN_TOKEN}`, cookie: 'session=COOKIE-SECRET-44' },
    );
    const { line, text } = await lineFor(id);
    // The client's answer names the bad ref; the log line only its code.
    expect(line.graphql).toEqual({ operationName: 'Leaky', errorCodes: ['BAD_REF'] });
    for (const secret of [literal, variable, 'LOGSECRET', 'COOKIE-SECRET', 'role(id']) expect(text).not.toContain(secret);
    expect(Object.keys(line).sort()).toEqual(['durationMs', 'graphql', 'hostname', 'level', 'msg', 'pid', 'req', 'requestId', 'res', 'time']);
  });

  it('logs a GET by its path alone: the query string carries the query text', async () => {
    const query = encodeURIComponent('query ByGet { role(id: "GET-LITERAL-45") { title } }');
    const res = await fetch(`${base}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });
    expect(res.status).toBe(200);
    const { line, text } = await lineFor(res.headers.get('x-request-id')!);
    expect(line.req).toEqual({ method: 'GET', path: '/graphql' });
    expect(line.graphql?.operationName).toBe('ByGet');
    expect(text).not.toContain('GET-LITERAL');
  });

  it('names the codes of the errors the client got, and counts them in /metrics by code', async () => {
    const before = await errorCount('BAD_REF');
    const { id, json } = await post({ query: 'query Old { roles(first: 1, at: "no-such-ref") { totalCount } }' });
    expect(json.errors[0].extensions.code).toBe('BAD_REF');
    const { line } = await lineFor(id);
    expect(line.graphql).toEqual({ operationName: 'Old', errorCodes: ['BAD_REF'] });
    expect(line.level).toBe(30);
    expect(await errorCount('BAD_REF')).toBe(before + 1);
  });

  it('counts a request Apollo refuses before it starts (CSRF prevention) as BAD_REQUEST', async () => {
    const before = await errorCount('BAD_REQUEST');
    // A "simple" cross-site POST (text/plain): what CSRF prevention exists to refuse.
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ "query": "{ __typename }" }' });
    expect(res.status).toBe(400);
    const { line } = await lineFor(res.headers.get('x-request-id')!);
    expect(line.res).toEqual({ statusCode: 400 });
    expect(await errorCount('BAD_REQUEST')).toBe(before + 1);
  });

  it('gives a request without a sane id a fresh UUID, answered and logged', async () => {
    const refused: Array<Record<string, string>> = [{}, { 'x-request-id': 'two words' }, { 'x-request-id': 'y'.repeat(200) }];
    for (const [i, headers] of refused.entries()) {
      // A different page size each time, so no answer comes from the answer cache.
      const { id } = await post({ query: `{ roles(first: ${i + 1}) { totalCount } }` }, headers);
      expect(id).toMatch(UUID);
      expect((await lineFor(id)).line.graphql).toEqual({ operationName: null, errorCodes: [] });
    }
  });

  it('logs an answer from the HTTP answer cache with its own id and the operation it answers', async () => {
    const body = { query: 'query Cached { roles(first: 2) { totalCount } }' };
    const first = await post(body, { 'x-request-id': 'cache-first' });
    const second = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'cache-second' }, body: JSON.stringify(body) });
    expect(second.headers.get('x-rolegraph-cache')).toBe('hit');
    // The stored answer's headers never carry the first request's id.
    expect(second.headers.get('x-request-id')).toBe('cache-second');
    expect((await lineFor(first.id)).line.graphql).toEqual({ operationName: 'Cached', errorCodes: [] });
    expect((await lineFor('cache-second')).line.graphql).toEqual({ operationName: 'Cached', errorCodes: [], cache: 'hit' });
  });

  it('logs probes and scrapes at debug, other routes at info without a graphql part', async () => {
    const health = await fetch(`${base}/healthz`);
    expect((await lineFor(health.headers.get('x-request-id')!)).line).toMatchObject({ level: 20, req: { method: 'GET', path: '/healthz' }, res: { statusCode: 200 } });
    const missing = await fetch(`${base}/no/such/page?token=QS-SECRET-46`);
    const { line, text } = await lineFor(missing.headers.get('x-request-id')!);
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', path: '/no/such/page' }, res: { statusCode: 404 } });
    expect(line.graphql).toBeUndefined();
    expect(text).not.toContain('QS-SECRET');
  });
});

async function errorCount(code: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = new RegExp(`^rolegraph_graphql_errors_total\\{code="${code}"\\} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}
