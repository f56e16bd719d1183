// Query abuse over real HTTP against the production server (createServer) on loopback, indexing a
// real repository: each defence refuses its attack with a code, executes nothing, and leaks no
// stack or path; ordinary queries keep working beside them.
import type { Indexer, IndexView } from '../../src/index/types';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { VP_ROLE, assertNoLeaks, errorCodes, indexedRepo, post, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

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

/** `role { family { roles { family { roles … } } } }`, `levels` object selections deep. */
function deepQuery(levels: number): string {
  let inner = 'title';
  for (let i = 1; i < levels; i += 1) inner = i % 2 === 1 ? `family { ${inner.startsWith('family') ? `roles { ${inner} }` : inner} }` : `roles { ${inner} }`;
  return `{ role(id: "${VP_ROLE}") { ${inner} } }`;
}

it('answers an ordinary query', async () => {
  const answer = await post(server.url, `{ role(id: "${VP_ROLE}") { grade family { roles { title } } } }`);
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data).toEqual({ role: { grade: 12, family: { roles: [{ title: 'VP of Commercial Sales' }] } } });
});

it('refuses a 50-deep query before running it', async () => {
  const answer = await post(server.url, deepQuery(50));
  expect(answer.status).toBe(400);
  expect(errorCodes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
  expect(answer.body.errors!.some((e) => e.message.includes(`depth limit of ${DEFAULT_LIMITS.maxDepth}`))).toBe(true);
  expect(answer.body.data).toBeUndefined();
  assertNoLeaks(answer.text);
});

it('refuses 100 aliases', async () => {
  const aliases = Array.from({ length: 100 }, (_, i) => `r${i}: role(id: "${VP_ROLE}") { title }`).join('\n');
  const answer = await post(server.url, `{ ${aliases} }`);
  expect(answer.status).toBe(400);
  expect(errorCodes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
  expect(answer.body.errors!.some((e) => e.message.includes(`Aliases limit of ${DEFAULT_LIMITS.maxAliases}`))).toBe(true);
  expect(answer.body.data).toBeUndefined();
});

it('refuses a huge list request by its cost', async () => {
  const query = `{ roles(first: 100) { edges { node { history(first: 100) { edges { node { role { family { roles { title grade } } } } } } } } } }`;
  const answer = await post(server.url, query);
  expect(answer.status).toBe(400);
  expect(answer.body.errors!.some((e) => e.message.includes(`Cost limit of ${DEFAULT_LIMITS.maxCost}`))).toBe(true);
  expect(answer.body.data).toBeUndefined();
});

it('refuses a page larger than the cap: by cost when literal, as BAD_USER_INPUT when a variable', async () => {
  const literal = await post(server.url, '{ roles(first: 100000) { edges { node { title } } } }');
  expect(literal.status).toBe(400);
  expect(errorCodes(literal)).toEqual(['COST_LIMIT']);
  // The cost estimate cannot see variables; the page cap in the GraphQL layer catches those.
  const variable = await post(server.url, 'query($n: Int) { roles(first: $n) { edges { node { title } } } }', { n: 100000 });
  expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
  expect(variable.text).not.toContain('"title"');
  assertNoLeaks(variable.text);
});

it('stops parsing a document with too many tokens', async () => {
  const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'branch').join(' ');
  const answer = await post(server.url, `{ repository { ${fields} } }`);
  expect(answer.status).toBe(400);
  expect(errorCodes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
});

it('refuses a batch of operations (a JSON array)', async () => {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ repository { branch } }' }))),
  });
  const text = await res.text();
  expect(res.status).toBe(400);
  expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(text).not.toContain('"data"');
});

describe('CSRF prevention', () => {
  const QUERY = `{ role(id: "${VP_ROLE}") { grade } }`;

  // GET queries are answered without a preflight header since issue 12 (SECURITY.md, "GET queries
  // and CSRF"): what stays refused over GET is a mutation, and any GET carrying credentials.
  it('answers a GET query with no preflight header, as urql and graphql-request send it', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { role: { grade: number } } }).data.role.grade).toBe(12);
  });

  it('refuses a mutation over GET without running it', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { refresh { head { sha } } }')}`, { headers: { accept: 'application/json' } });
    const text = await res.text();
    expect(res.status).toBe(405);
    expect(text).not.toContain('"data"');
  });

  it('keeps CSRF prevention for a GET that carries an Authorization header', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { authorization: 'Bearer anything', accept: 'application/json' } });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).toContain('Cross-Site Request Forgery');
    expect(text).not.toContain('"data"');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('refuses a POST sent as %s', async (type) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: QUERY }) });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).toContain('Cross-Site Request Forgery');
    expect(text).not.toContain('"grade"');
  });
});

describe('request body size', () => {
  it('answers 413 with a code to a body over the limit, before parsing it', async () => {
    const padding = 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes + 1);
    const answer = await post(server.url, '{ repository { branch } }', { padding });
    expect(answer.status).toBe(413);
    expect(errorCodes(answer)).toEqual(['PAYLOAD_TOO_LARGE']);
    assertNoLeaks(answer.text);
  });

  it('answers 413 to a 10 MB ref before it reaches the resolver', async () => {
    const answer = await post(server.url, 'query($at: String) { role(id: "x", at: $at) { title } }', { at: 'a'.repeat(10 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.text.length).toBeLessThan(1000);
  });

  it('answers 400 with a code to a body that is not JSON, with no stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ repository { branch } }",' });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    assertNoLeaks(text);
  });
});

describe('with introspection turned off', () => {
  let closed: RunningServer;

  beforeAll(async () => {
    closed = await startServer(indexed.indexer, { ...DEFAULT_LIMITS, introspection: false });
  });

  afterAll(async () => {
    await closed?.close();
  });

  it('refuses __schema and __type, and hides field suggestions', async () => {
    const schemaAnswer = await post(closed.url, '{ __schema { types { name } } }');
    expect(schemaAnswer.status).toBe(400);
    expect(errorCodes(schemaAnswer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(schemaAnswer.text).toContain('introspection is not allowed');
    expect(schemaAnswer.text).not.toContain('"types"');

    const typeAnswer = await post(closed.url, '{ __type(name: "Role") { fields { name } } }');
    expect(typeAnswer.status).toBe(400);
    expect(typeAnswer.text).not.toContain('"fields"');

    const typo = await post(closed.url, '{ rol(id: "x") { title } }');
    expect(typo.status).toBe(400);
    expect(typo.text).not.toContain('Did you mean');
  });

  it('still answers ordinary queries', async () => {
    const answer = await post(closed.url, `{ role(id: "${VP_ROLE}") { grade } }`);
    expect(answer.body).toEqual({ data: { role: { grade: 12 } } });
  });
});

describe('operation deadline', () => {
  let stalledServer: RunningServer;
  const TIMEOUT_MS = 300;

  beforeAll(async () => {
    // Fault injection over the real index: resolving a ref never finishes, the way a git process
    // stuck on a loaded machine, or a huge old snapshot being built, would look to a client.
    const real = indexed.indexer;
    const stalled: Indexer = Object.assign(Object.create(real) as Indexer, {
      current: (): IndexView | null => {
        const view = real.current();
        return view && Object.assign(Object.create(view) as IndexView, { resolveRef: () => new Promise<never>(() => undefined) });
      },
    });
    stalledServer = await startServer(stalled, { ...DEFAULT_LIMITS, operationTimeoutMs: TIMEOUT_MS });
  });

  afterAll(async () => {
    await stalledServer?.close();
  });

  it('answers TIMEOUT instead of hanging, and keeps serving', async () => {
    const answer = await post(stalledServer.url, `{ role(id: "${VP_ROLE}", at: "main") { grade } }`);
    expect(answer.status).toBe(200);
    expect(errorCodes(answer)).toEqual(['TIMEOUT']);
    expect(answer.body.data).toEqual({ role: null });
    assertNoLeaks(answer.text);
    const next = await post(stalledServer.url, '{ repository { branch } }');
    expect(next.body).toEqual({ data: { repository: { branch: 'main' } } });
  });
});
