// The HTTP server end to end on a real port, over a real git repository: what a client sees
// before the first index, then queries, client mistakes (never a 500, never a stack), GraphiQL
// routing, admin-only refresh and the headChanged subscription.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import { createRefresher, type Refresher } from '../../src/watch';
import type { Indexer } from '../../src/index/types';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const ADMIN_TOKEN = 'admin-token-for-tests';
const logger = pino({ level: 'silent' });

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let refresher: Refresher;
let server: RolegraphServer;
let base: string;

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

beforeAll(async () => {
  repo = makeRepo([
    { message: 'Add High Velocity Sales', tag: 'v1', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } },
    { message: 'Add VP of Commercial Sales', files: { 'content/job-families/sales/vp-of-commercial-sales.md': seed('vp-of-commercial-sales.md') } },
  ]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-http-test-'));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, { ROLEGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
  indexer = createIndexerFor(config, repo.dir, logger);
  refresher = createRefresher(indexer, { pollSeconds: 0 });
  server = await createServer({ config, indexer, refresher, logger });
  const address = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await refresher?.stop();
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('before the first index', () => {
  it('is alive but not ready, and queries answer INDEX_NOT_READY', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not_ready', head: null, stalenessSeconds: null });

    const { status, json } = await post({ query: '{ roles(first: 1) { totalCount } }' });
    expect(status).toBe(200);
    expect(json.errors[0].extensions.code).toBe('INDEX_NOT_READY');
  });
});

describe('once indexed', () => {
  beforeAll(async () => {
    await refresher.trigger('test');
  });

  it('is ready and says how fresh it is', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { stalenessSeconds: number };
    expect(body).toMatchObject({ status: 'ready', phase: 'ready', head: repo.head(), lastError: null });
    expect(body.stalenessSeconds).toBeGreaterThanOrEqual(0);
  });

  it('answers a role with its grade', async () => {
    const { status, json } = await post({ query: 'query ($id: ID!) { role(id: $id) { key title grade family { slug } } }', variables: { id: TEAM_LEAD } });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.role).toEqual({
      key: TEAM_LEAD,
      title: 'SMB Advocate Team Lead',
      grade: 6,
      family: { slug: 'sales/high-velocity-sales-and-first-orders' },
    });
  });

  it('answers a GraphQL GET from a client (not a browser) with JSON', async () => {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ family(slug: "sales/vp-of-commercial-sales") { title } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { family: { title: 'Vice President of Commerical Sales (Mid-Market and SMB)' } } });
  });

  it('turns a bad ref into BAD_REF with status 200, never a 500', async () => {
    for (const at of ['--upload-pack=touch /tmp/pwned', 'no-such-branch', 'HEAD@{1}']) {
      const { status, json, text } = await post({ query: 'query ($at: String) { roles(at: $at, first: 1) { totalCount } }', variables: { at } });
      expect(status).toBe(200);
      expect(json.errors[0].extensions.code).toBe('BAD_REF');
      expect(text).not.toMatch(/stacktrace|node_modules|\/src\//);
    }
  });

  it('refuses a malformed JSON body with 400 and no stack', async () => {
    const { status, json, text } = await post('{"query": "{ roles { totalCount } ');
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js|node_modules|SyntaxError/);
  });

  it('refuses a simple cross-site POST (CSRF prevention); a GET query needs no preflight header', async () => {
    const form = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(form.status).toBe(400);
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('gives a browser GraphiQL instead of JSON, with a strict CSP', async () => {
    const res = await fetch(`${base}/graphql?query=%3Cscript%3Ealert(1)%3C/script%3E`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('/assets/graphiql/graphiql.min.js');
    expect(html).not.toContain('alert(1)');
    const js = await fetch(`${base}/assets/graphiql/graphiql.min.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    // Read the body: an unread multi-megabyte response leaves fetch's socket paused and open after
    // the server closes, and that socket kept the jest worker from exiting.
    expect((await js.text()).length).toBeGreaterThan(0);
  });

  it('lets only the admin token run the refresh mutation', async () => {
    const mutation = { query: 'mutation { refresh { head { sha } } }' };
    const anonymous = await post(mutation);
    expect(anonymous.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await post(mutation, { authorization: 'Bearer not-the-token' });
    expect(wrong.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const admin = await post(mutation, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(admin.json.errors).toBeUndefined();
    expect(admin.json.data.refresh.head.sha).toBe(repo.head());
  });

  it('serves metrics and answers unknown paths with a JSON 404', async () => {
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('rolegraph_refresh_total');
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('pushes headChanged to a subscriber when a refresh moves the head', async () => {
    const client = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    try {
      const events: any[] = [];
      const received = new Promise<void>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription { headChanged { head { sha message } changedRoleIds } }' },
          { next: (value) => { events.push(value); resolve(); }, error: reject, complete: () => {} },
        );
      });
      // Give the subscription a moment to be registered before the head moves.
      await new Promise((r) => setTimeout(r, 200));
      const hv = seed('high-velocity-sales-and-first-orders.md').replace('The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');
      const sha = repo.commit({ message: 'Regrade the SMB Advocate Team Lead', files: { [HV_PATH]: hv } });
      await refresher.trigger('test');
      await received;
      expect(events[0].data.headChanged.head).toEqual({ sha, message: 'Regrade the SMB Advocate Team Lead' });
      expect(events[0].data.headChanged.changedRoleIds).toContain(TEAM_LEAD);
    } finally {
      await client.dispose();
    }
  });
});
