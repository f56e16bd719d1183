// The HTTP-level answer cache over the production server (createServer), a real indexer and git,
// on loopback: a repeated plain query is answered as the same bytes without reaching Apollo, and
// everything that must reach Apollo still does (another head, other bytes, errors, limits, admin
// requests, CSRF, oversize bodies). What reaches Apollo is counted by an extra plugin's
// requestDidStart, which a fast-path hit never triggers.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createGitSource } from '../../../src/git/gitSource';
import { buildRolegraphSchema, createContext, type RolegraphContext } from '../../../src/graphql';
import { createIndexer } from '../../../src/index';
import type { Indexer } from '../../../src/index/types';
import { createServer, type RolegraphServer } from '../../../src/server/app';
import { DEFAULT_LIMITS } from '../../../src/server/limits';
import { CACHE_STATUS_HEADER, createResponseBytesCache } from '../../../src/server/plugins/responseBytesCache';
import { makeRepo, seed, type TestRepo } from '../../helpers/makeRepo';

const PAGE = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const HV_SEED = seed('high-velocity-sales-and-first-orders.md');
const GRADE_6 = 'The SMB Advocate Team Lead is a grade 6.';
const ROLE = 'query Role($id: ID!) { role(id: $id) { key grade } }';
const ROLE_BODY = JSON.stringify({ query: ROLE, variables: { id: TEAM_LEAD } });
const ADMIN_TOKEN = 'test-admin-token-0123456789';
const MAX_BODY = 4096;
const quiet = pino({ level: 'silent' });

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let server: RolegraphServer;
let url: string;
let reachedApollo = 0;

const countRequests: ApolloServerPlugin<RolegraphContext> = {
  async requestDidStart() {
    reachedApollo += 1;
  },
};

interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: JSON.parse(bytes.toString('utf8')) as Answer['json'] };
}

const hit = (a: Answer): boolean => a.headers.get(CACHE_STATUS_HEADER) === 'hit';

beforeAll(async () => {
  expect(HV_SEED).toContain(GRADE_6);
  repo = makeRepo([{ message: 'Add the high-velocity family', files: { [PAGE]: HV_SEED } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-bytes-cache-'));
  const source = createGitSource({ remote: repo.dir, branch: 'main', cacheDir });
  indexer = createIndexer({ source, url: repo.dir, branch: 'main', contentDir: 'content/job-families', cacheDir });
  await indexer.refresh();
  const config = { adminToken: ADMIN_TOKEN, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, limits: { ...DEFAULT_LIMITS, maxBodyBytes: MAX_BODY }, responseCacheEntries: 2 };
  server = await createServer({ config, indexer, logger: quiet, extraPlugins: [countRequests] });
  url = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}/graphql`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

beforeEach(() => {
  reachedApollo = 0;
});

describe('response bytes cache', () => {
  it('answers a repeated query with the same bytes without reaching Apollo, and still counts it', async () => {
    const first = await post(ROLE_BODY);
    const second = await post(ROLE_BODY);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ data: { role: { key: TEAM_LEAD, grade: 6 } } });
    expect(hit(first)).toBe(false);
    expect(hit(second)).toBe(true);
    expect(second.status).toBe(200);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('content-length')).toBe(String(first.bytes.length));
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reachedApollo).toBe(1);
    const metrics = await server.metrics.registry.getSingleMetricAsString('rolegraph_graphql_request_duration_seconds');
    expect(metrics).toMatch(/^rolegraph_graphql_request_duration_seconds_count\{operation="Role"\} 2$/m);
  });

  it('misses for other bytes of the same request (whitespace)', async () => {
    await post(ROLE_BODY);
    reachedApollo = 0;
    const spaced = await post(ROLE_BODY.replace('{ role', '{  role'));
    expect(hit(spaced)).toBe(false);
    expect(spaced.json).toEqual({ data: { role: { key: TEAM_LEAD, grade: 6 } } });
    expect(reachedApollo).toBe(1);
  });

  it('never serves an answer the client did not ask for by Accept', async () => {
    await post(ROLE_BODY);
    reachedApollo = 0;
    const other = await post(ROLE_BODY, { accept: 'application/graphql-response+json' });
    expect(hit(other)).toBe(false);
    expect(other.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(reachedApollo).toBe(1);
  });

  it('bypasses requests with an Authorization header', async () => {
    await post(ROLE_BODY);
    reachedApollo = 0;
    const admin = await post(ROLE_BODY, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const stranger = await post(ROLE_BODY, { authorization: 'Bearer wrong' });
    expect(hit(admin) || hit(stranger)).toBe(false);
    expect(admin.json).toEqual({ data: { role: { key: TEAM_LEAD, grade: 6 } } });
    expect(reachedApollo).toBe(2);
  });

  it('keeps no answer with errors, no BAD_REF and no over-deep query', async () => {
    const badRef = JSON.stringify({ query: 'query ($id: ID!) { role(id: $id, at: "no-such-branch") { id } }', variables: { id: TEAM_LEAD } });
    let inner = 'title';
    for (let i = 0; i < 8; i += 1) inner = `family { roles { ${inner} } }`;
    const deep = JSON.stringify({ query: `{ role(id: "${TEAM_LEAD}") { ${inner} } }` });
    for (let i = 0; i < 2; i += 1) {
      const a = await post(badRef);
      expect(a.json.errors?.[0]?.extensions?.code).toBe('BAD_REF');
      expect(hit(a)).toBe(false);
      const d = await post(deep);
      expect(d.status).toBe(400);
      expect(d.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(hit(d)).toBe(false);
    }
    expect(reachedApollo).toBe(4);
  });

  it('keeps no live repository status, even through a fragment', async () => {
    const status = JSON.stringify({ query: 'query { ... on Query { repository { status lastRefreshAt } } }' });
    for (let i = 0; i < 2; i += 1) {
      const s = await post(status);
      expect(s.json.errors).toBeUndefined();
      expect(hit(s)).toBe(false);
    }
    expect(reachedApollo).toBe(2);
  });

  it('keeps no mutation, even one that succeeds', async () => {
    // The only mutation needs the admin token, and a request carrying it never takes the fast
    // path; so this server treats every request as admin, to see the mutation rule on its own.
    const cache = createResponseBytesCache({ maxEntries: 10, maxBodyBytes: MAX_BODY, currentHead: () => indexer.current()?.head.commit.sha ?? null, metrics: { observeGraphqlRequest: () => undefined } });
    const apollo = new ApolloServer<RolegraphContext>({ schema: await buildRolegraphSchema(), plugins: [cache.plugin, countRequests] });
    await apollo.start();
    const app = express();
    app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async ({ req }) => cache.track(req, createContext({ indexer, isAdmin: true })) }));
    const adminServer = http.createServer(cache.listener(app));
    await new Promise<void>((resolve) => adminServer.listen(0, '127.0.0.1', resolve));
    try {
      const adminUrl = `http://127.0.0.1:${(adminServer.address() as AddressInfo).port}/graphql`;
      const mutation = JSON.stringify({ query: 'mutation { refresh { changedRoleIds } }' });
      for (let i = 0; i < 2; i += 1) {
        const res = await fetch(adminUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: mutation });
        expect(res.status).toBe(200);
        expect(((await res.json()) as Answer['json']).errors).toBeUndefined();
        expect(res.headers.get(CACHE_STATUS_HEADER)).toBeNull();
      }
      expect(reachedApollo).toBe(2);
      expect(cache.stats()).toMatchObject({ hits: 0, misses: 2, stores: 0, size: 0 });
    } finally {
      await apollo.stop();
      await new Promise((resolve) => adminServer.close(resolve));
    }
  });

  it('keeps answers up to its byte budget, however many entries it would allow', async () => {
    // Ten queries whose answers have the same length; the budget holds eight of them (one answer
    // may take at most an eighth of it), the entry count would allow fifty.
    const body = (n: number): string => JSON.stringify({ query: `{ a${n}: role(id: "${TEAM_LEAD}") { id } }` });
    const answerBytes = (await post(body(0))).bytes.length;
    const cache = createResponseBytesCache({ maxEntries: 50, maxBytes: 8 * answerBytes, maxBodyBytes: MAX_BODY, currentHead: () => indexer.current()?.head.commit.sha ?? null, metrics: { observeGraphqlRequest: () => undefined } });
    const apollo = new ApolloServer<RolegraphContext>({ schema: await buildRolegraphSchema(), plugins: [cache.plugin] });
    await apollo.start();
    const app = express();
    app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async ({ req }) => cache.track(req, createContext({ indexer, isAdmin: false })) }));
    const budgetServer = http.createServer(cache.listener(app));
    await new Promise<void>((resolve) => budgetServer.listen(0, '127.0.0.1', resolve));
    try {
      const budgetUrl = `http://127.0.0.1:${(budgetServer.address() as AddressInfo).port}/graphql`;
      const send = async (n: number): Promise<string | null> =>
        (await fetch(budgetUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(n) })).headers.get(CACHE_STATUS_HEADER);
      for (let n = 0; n < 10; n += 1) await send(n);
      expect(cache.stats()).toMatchObject({ stores: 10, size: 8, bytes: 8 * answerBytes });
      expect(await send(9)).toBe('hit');
      expect(await send(2)).toBe('hit');
      expect(await send(1)).toBeNull(); // one of the two least recently used, dropped for room
    } finally {
      await apollo.stop();
      await new Promise((resolve) => budgetServer.close(resolve));
    }
  });

  it('stops serving an entry once a refresh swaps in a new head', async () => {
    await post(ROLE_BODY);
    expect(hit(await post(ROLE_BODY))).toBe(true);
    repo.commit({ message: 'Regrade the team lead', files: { [PAGE]: HV_SEED.replace(GRADE_6, 'The SMB Advocate Team Lead is a grade 7.') } });
    await indexer.refresh();
    reachedApollo = 0;
    const after = await post(ROLE_BODY);
    expect(hit(after)).toBe(false);
    expect(after.json).toEqual({ data: { role: { key: TEAM_LEAD, grade: 7 } } });
    const again = await post(ROLE_BODY);
    expect(hit(again)).toBe(true);
    expect(again.bytes.equals(after.bytes)).toBe(true);
    expect(reachedApollo).toBe(1);
  });

  it('still refuses a text/plain twin of a cached request as a possible CSRF', async () => {
    await post(ROLE_BODY);
    expect(hit(await post(ROLE_BODY))).toBe(true);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: ROLE_BODY });
    expect(res.status).toBe(400);
    expect(res.headers.get(CACHE_STATUS_HEADER)).toBeNull();
    expect(await res.text()).toContain('Cross-Site Request Forgery');
  });

  it('still refuses an oversize body with 413, and malformed JSON with 400', async () => {
    const big = JSON.stringify({ query: `{ role(id: "${TEAM_LEAD}") { id } }`, variables: { pad: 'x'.repeat(MAX_BODY) } });
    const tooBig = await post(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    for (const body of ['{"query": ', '"{ __typename }"']) {
      const bad = await post(body);
      expect(bad.status).toBe(400);
      expect(bad.json.errors?.[0]).toEqual({ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
    }
    expect(reachedApollo).toBe(0);
  });

  it('keeps at most the configured number of answers, dropping the least recently used', async () => {
    const body = (n: number): string => JSON.stringify({ query: `{ a${n}: role(id: "${TEAM_LEAD}") { id } }` });
    for (const n of [1, 2, 3]) await post(body(n));
    reachedApollo = 0;
    expect(hit(await post(body(3)))).toBe(true);
    expect(hit(await post(body(2)))).toBe(true);
    expect(hit(await post(body(1)))).toBe(false);
    expect(reachedApollo).toBe(1);
  });

  it('refuses a cache with no room', () => {
    const opts = { maxBodyBytes: 1, currentHead: () => null, metrics: { observeGraphqlRequest: () => undefined } };
    expect(() => createResponseBytesCache({ ...opts, maxEntries: 0 })).toThrow(RangeError);
    expect(() => createResponseBytesCache({ ...opts, maxEntries: 1, maxBytes: 0 })).toThrow(RangeError);
  });
});
