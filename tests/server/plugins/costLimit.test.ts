// The cost limit over real HTTP against the production server (createServer) on loopback: counts
// are cheap, pages of pages are refused with COST_LIMIT naming the costly field, and a client that
// asks sees the cost of any answer.
import { DEFAULT_LIMITS } from '../../../src/server/limits';
import { errorCodes, indexedRepo, post, seedCommit, type Indexed } from '../../security/harness';
import { startServer, type RunningServer } from '../../security/serverHarness';

let indexed: Indexed;
let server: RunningServer;

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  server = await startServer(indexed.indexer);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await indexed?.cleanup();
});

/** POSTs `{ query, extensions }` as a client asking for the cost would. */
async function postWithExtensions(query: string, extensions: Record<string, unknown>): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const COUNTS_ONLY = '{ roles(first: 100) { edges { node { id history(first: 20) { totalCount } } } } }';
const PAGES_OF_PAGES = '{ roles(first: 100) { edges { node { id history(first: 100) { edges { node { role { family { roles { title grade } } } } } } } } } }';

it('accepts a page of roles that asks each role only for its history count', async () => {
  const answer = await post(server.url, COUNTS_ONLY);
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  const edges = (answer.body.data as { roles: { edges: Array<{ node: { id: string; history: { totalCount: number } } }> } }).roles.edges;
  expect(edges.length).toBeGreaterThan(0);
  expect(edges.every((e) => e.node.history.totalCount >= 1)).toBe(true);
});

it('refuses a page of pages with COST_LIMIT, the limit, the cost and the costliest field', async () => {
  const answer = await post(server.url, PAGES_OF_PAGES);
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(errorCodes(answer)).toEqual(['COST_LIMIT']);
  const error = answer.body.errors![0] as { message: string; extensions: { cost: { limit: number; cost: number; mostExpensive: string } } };
  expect(error.extensions.cost.limit).toBe(DEFAULT_LIMITS.maxCost);
  expect(error.extensions.cost.cost).toBe(2105867); // the figure README's Limits section shows
  expect(error.extensions.cost.mostExpensive).toBe('roles.edges.node.history.edges.node.role.family.roles');
  expect(error.message).toBe(
    `Query Cost limit of ${DEFAULT_LIMITS.maxCost} exceeded, found ${error.extensions.cost.cost}; most expensive field: roles.edges.node.history.edges.node.role.family.roles`,
  );
});

it('shows the cost of an answer when the request body asks with extensions.cost', async () => {
  const answer = await postWithExtensions(COUNTS_ONLY, { cost: true });
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.extensions).toEqual({ cost: { limit: DEFAULT_LIMITS.maxCost, cost: 2271, mostExpensive: 'roles.edges.node.history' } });
});

it('leaves the cost out of an answer that did not ask for it', async () => {
  const answer = await postWithExtensions(COUNTS_ONLY, {});
  expect(answer.status).toBe(200);
  expect(answer.body.extensions).toBeUndefined();
});
