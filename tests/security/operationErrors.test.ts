// Client mistakes about which operation to run, over real HTTP against the production server: each
// is a 400 carrying a message that says what was wrong and a client code, never a 500 nor a masked
// INTERNAL_SERVER_ERROR, whether the request went through the HTTP answer cache's fast path or
// straight to express and Apollo.
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { assertNoLeaks, errorCodes, indexedRepo, post, seedCommit, type GraphQLAnswer, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

let indexed: Indexed;
let cached: RunningServer;
let uncached: RunningServer;

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  cached = await startServer(indexed.indexer);
  uncached = await startServer(indexed.indexer, DEFAULT_LIMITS, { responseCacheEntries: 0 });
}, 60_000);

afterAll(async () => {
  await cached?.close();
  await uncached?.close();
  await indexed?.cleanup();
});

const TWO_OPERATIONS = 'query A { repository { branch } } query B { repository { url } }';

/** POSTs a raw JSON body (post() in the harness has no operationName). */
async function postBody(url: string, body: object): Promise<GraphQLAnswer> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as GraphQLAnswer['body'], text };
}

describe.each([
  ['through the answer cache', () => cached],
  ['without the answer cache', () => uncached],
])('operation selection %s', (_label, server) => {
  it('answers two operations without operationName with 400 and GraphQL message', async () => {
    const answer = await postBody(server().url, { query: TWO_OPERATIONS });
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(answer.body.errors![0]!.message).toBe('Must provide operation name if query contains multiple operations.');
    expect(answer.body.data).toBeUndefined();
    assertNoLeaks(answer.text);
  });

  it('answers an unknown operationName with 400 and GraphQL message', async () => {
    const answer = await postBody(server().url, { query: TWO_OPERATIONS, operationName: 'C' });
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(answer.body.errors![0]!.message).toBe('Unknown operation named "C".');
    assertNoLeaks(answer.text);
  });

  it('answers the same mistake the same way the second time (nothing was kept)', async () => {
    const first = await postBody(server().url, { query: TWO_OPERATIONS, operationName: 'Missing' });
    const second = await postBody(server().url, { query: TWO_OPERATIONS, operationName: 'Missing' });
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(second.text).toBe(first.text);
  });

  it('runs the named one of two operations', async () => {
    const answer = await postBody(server().url, { query: TWO_OPERATIONS, operationName: 'A' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { repository: { branch: 'main' } } });
  });
});

const QUERY = '{ repository { branch } }';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe.each([
  ['through the answer cache', () => cached],
  ['without the answer cache', () => uncached],
])('persisted queries and subscriptions %s', (_label, server) => {
  it('answers a persisted query whose hash is not its text with 400 BAD_REQUEST, not a masked error', async () => {
    const answer = await postBody(server().url, { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('answers an unsupported persisted query version with 400 BAD_REQUEST', async () => {
    const answer = await postBody(server().url, { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(QUERY) } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('still registers and then answers a correct persisted query (the protocol keeps working)', async () => {
    const ext = { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } };
    const registered = await postBody(server().url, { query: QUERY, extensions: ext });
    expect(registered.body).toEqual({ data: { repository: { branch: 'main' } } });
    const byHash = await postBody(server().url, { extensions: ext });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual({ data: { repository: { branch: 'main' } } });
  });

  it('refuses a subscription sent over HTTP with 400 BAD_REQUEST before running it', async () => {
    const answer = await postBody(server().url, { query: 'subscription { headChanged { changedRoleIds } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { message: 'Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP', extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect(answer.body.data).toBeUndefined();
  });
});
