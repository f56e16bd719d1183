// Queries run as graphql-jit compiled code (src/server/jitPlugin.ts) answer byte for byte what
// graphql-js answers through the same server with jit off: every operation in
// schema/examples.graphql, the bench's operations, and error cases (bad ref, unknown id, a field
// error on every item of a list, bad variables, the deadline, an operation Apollo cannot pick),
// over HTTP, with the same status. Each case also checks who answered it: compiled code for an
// answer without errors, graphql-js (Apollo's own execution) for any answer with one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { roleGlobalId } from '../../src/graphql/globalId';
import type { Indexer } from '../../src/index/types';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { OPERATIONS } from '../../bench/throughputProbe';
import { HV, makeIndexer, makeSampleHandbook, TEAM_LEAD, type SampleHandbook } from '../graphql/sampleHandbook';

const EXAMPLES = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'examples.graphql'), 'utf8');
const exampleNames = parse(EXAMPLES)
  .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  .map((d) => d.name!.value);

interface Pair {
  jit: RolegraphServer;
  plain: RolegraphServer;
  urls: { jit: string; plain: string };
}

let handbook: SampleHandbook;
let indexer: Indexer;
let pair: Pair;
/** The same two servers with a deadline that has always passed: every field that has a resolver answers TIMEOUT. */
let expired: Pair;

async function startPair(limits = DEFAULT_LIMITS): Promise<Pair> {
  const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries: 0, limits };
  const jit = await createServer({ config: { ...config, jit: true }, indexer, logger: pino({ level: 'silent' }) });
  const plain = await createServer({ config: { ...config, jit: false }, indexer, logger: pino({ level: 'silent' }) });
  const urlOf = async (s: RolegraphServer): Promise<string> => `http://127.0.0.1:${(await s.listen(0, '127.0.0.1')).port}/graphql`;
  return { jit, plain, urls: { jit: await urlOf(jit), plain: await urlOf(plain) } };
}

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  pair = await startPair();
  expired = await startPair({ ...DEFAULT_LIMITS, operationTimeoutMs: 0 });
});

afterAll(async () => {
  for (const p of [pair, expired]) {
    await p?.jit.close();
    await p?.plain.close();
  }
  await indexer?.close();
  handbook?.repo.cleanup();
});

interface Answer {
  status: number;
  body: string;
}

async function post(url: string, body: unknown): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('utf8') };
}

/**
 * Sends `body` to both servers of `p`, to the jit server twice (an operation is compiled at its
 * second sighting): the same status and bytes each time, and the second ran compiled or did not,
 * as `compiled` says.
 */
async function sameAnswer(p: Pair, body: unknown, compiled: boolean): Promise<Answer> {
  const plain = await post(p.urls.plain, body);
  expect(await post(p.urls.jit, body)).toEqual(plain);
  const before = p.jit.jit!.counts();
  const jit = await post(p.urls.jit, body);
  const after = p.jit.jit!.counts();
  expect(jit).toEqual(plain);
  expect(after.compiled - before.compiled).toBe(compiled ? 1 : 0);
  // The plain server never compiles.
  expect(p.plain.jit).toBeNull();
  return jit;
}

function exampleVariables(): Record<string, unknown> {
  const head = handbook.shas[handbook.shas.length - 1];
  return { roleId: TEAM_LEAD, familySlug: HV, from: 'v1', to: head, text: 'customer', nodeId: roleGlobalId(TEAM_LEAD, handbook.shas[0]!) };
}

const codesOf = (answer: Answer): unknown[] => (JSON.parse(answer.body).errors ?? []).map((e: { extensions?: { code?: unknown } }) => e.extensions?.code);

it.each(exampleNames)('answers example %s compiled with the bytes graphql-js answers', async (name) => {
  const answer = await sameAnswer(pair, { query: EXAMPLES, variables: exampleVariables(), operationName: name }, true);
  expect(JSON.parse(answer.body).data).toBeTruthy();
});

it.each(Object.keys(OPERATIONS) as Array<keyof typeof OPERATIONS>)('answers the bench operation %s compiled with the same bytes', async (name) => {
  const variables = { id: TEAM_LEAD, from: handbook.shas[0], to: 'main' };
  const query = OPERATIONS[name];
  const declared = Object.fromEntries(Object.entries(variables).filter(([key]) => query.includes(`$${key}:`)));
  const answer = await sameAnswer(pair, { query, variables: declared }, true);
  expect(JSON.parse(answer.body).data).toBeTruthy();
});

it('compiles an operation at its second sighting, and never one seen once', async () => {
  const count = (): { compiled: number; graphqlJs: number } => pair.jit.jit!.counts();
  const query = `{ role(id: "${TEAM_LEAD}") { key title } }`;
  const first = count();
  await post(pair.urls.jit, { query });
  expect(count()).toEqual({ compiled: first.compiled, graphqlJs: first.graphqlJs + 1 });
  await post(pair.urls.jit, { query });
  await post(pair.urls.jit, { query });
  expect(count()).toEqual({ compiled: first.compiled + 2, graphqlJs: first.graphqlJs + 1 });
  // The same operation in a new text each time (a comment), as a hostile client may send: never compiled.
  for (let i = 0; i < 5; i += 1) await post(pair.urls.jit, { query: `${query} # ${i}` });
  expect(count()).toEqual({ compiled: first.compiled + 2, graphqlJs: first.graphqlJs + 6 });
});

it('answers introspection compiled with the same bytes', async () => {
  await sameAnswer(pair, { query: getIntrospectionQuery() }, true);
});

it('answers aliases, fragments and @include/@skip on variables compiled with the same bytes', async () => {
  const query = `query Q($with: Boolean!, $id: ID!) {
    a: role(id: $id) { ...R grade @include(if: $with) }
    b: role(id: $id) { key title @skip(if: $with) }
    node(id: "${roleGlobalId(TEAM_LEAD, handbook.shas[0]!)}") { __typename id ... on Role { title } }
  }
  fragment R on Role { __typename id title family { slug roles { key } } }`;
  for (const withGrade of [true, false]) await sameAnswer(pair, { query, variables: { with: withGrade, id: TEAM_LEAD } }, true);
});

describe('errors', () => {
  it('a bad ref: BAD_REF with the same path and locations (graphql-js answers it)', async () => {
    const answer = await sameAnswer(pair, { query: '{ ok: role(id: "' + TEAM_LEAD + '") { key } role(id: "' + TEAM_LEAD + '", at: "no-such-ref") { key } }' }, false);
    expect(codesOf(answer)).toEqual(['BAD_REF']);
  });

  it('an unknown id: the same answer', async () => {
    const answer = await sameAnswer(pair, { query: '{ role(id: "sales/nope#nobody") { key } family(slug: "nope") { slug } }' }, true);
    expect(JSON.parse(answer.body).data).toBeTruthy();
  });

  it('a field error inside a list: the same error and nulls in the same places (graphql-js answers it)', async () => {
    // history is refused (first > 100) on the first role; its null reaches the nearest nullable field.
    const query = `{ families(first: 3) { edges { node { slug roles { key history(first: 1000) { totalCount } } } } } }`;
    const answer = await sameAnswer(pair, { query }, false);
    const errors = JSON.parse(answer.body).errors as Array<{ path: unknown[]; extensions: { code: string } }>;
    expect(errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]!.path).toEqual(['families', 'edges', 0, 'node', 'roles', 0, 'history']);
  });

  it('errors in several fields: the same errors in the same order (graphql-js answers it)', async () => {
    // One rejection only: graphql-js lists two rejections in the order they settle, which varies
    // from run to run; a synchronous error always comes before the rejection. jit lists them the
    // other way round, so graphql-js answers.
    const query = `{ a: role(id: "${TEAM_LEAD}", at: "nope-1") { key } b: role(id: "${TEAM_LEAD}") { key history(first: 0, last: 2) { totalCount } } }`;
    const answer = await sameAnswer(pair, { query }, false);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT', 'BAD_REF']);
  });

  it('an error thrown in a resolver that is not ours to show: masked alike, path kept (graphql-js answers it)', async () => {
    // An after-cursor that is not one of ours is refused by the pagination code.
    const answer = await sameAnswer(pair, { query: '{ roles(first: 2, after: "garbage") { edges { node { key } } } }' }, false);
    expect(codesOf(answer).length).toBe(1);
  });

  it.each([
    ['a missing required variable', { query: 'query Q($id: ID!) { role(id: $id) { key } }', variables: {} }],
    ['a variable of the wrong type', { query: 'query Q($id: ID!) { role(id: $id) { key } }', variables: { id: { not: 'an id' } } }],
    ['an Int variable that is a string', { query: 'query Q($n: Int) { roles(first: $n) { totalCount } }', variables: { n: 'ten' } }],
    ['an Int variable past 32 bits', { query: 'query Q($n: Int) { roles(first: $n) { totalCount } }', variables: { n: 2 ** 40 } }],
    ['null for a non-null variable', { query: 'query Q($id: ID!) { role(id: $id) { key } }', variables: { id: null } }],
  ])('%s: graphql-js words the refusal, and nothing runs compiled', async (_name, body) => {
    const answer = await sameAnswer(pair, body, false);
    expect(answer.status).toBe(400);
  });

  it('several operations and no operationName: the same refusal', async () => {
    await sameAnswer(pair, { query: 'query A { roles { totalCount } } query B { families { totalCount } }' }, false);
  });

  it('a mutation runs through graphql-js, with the same answer', async () => {
    const answer = await sameAnswer(pair, { query: 'mutation { refresh { head { sha } } }' }, false);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('the deadline: a passed deadline answers TIMEOUT, with the same bytes (graphql-js answers it)', async () => {
    const answer = await sameAnswer(expired, { query: `{ role(id: "${TEAM_LEAD}") { key grade } }` }, false);
    expect(codesOf(answer)).toEqual(['TIMEOUT']);
  });

  it('the deadline in several fields: one TIMEOUT, the same bytes', async () => {
    const answer = await sameAnswer(expired, { query: `{ role(id: "${TEAM_LEAD}") { key } commits(first: 2) { totalCount } }` }, false);
    expect(codesOf(answer)).toEqual(['TIMEOUT']);
  });
});

it('a persisted query runs compiled, with the same bytes', async () => {
  const query = `{ role(id: "${TEAM_LEAD}") { key title grade } }`;
  const persistedQuery = { version: 1, sha256Hash: crypto.createHash('sha256').update(query).digest('hex') };
  await sameAnswer(pair, { query, extensions: { persistedQuery } }, true);
  await sameAnswer(pair, { extensions: { persistedQuery } }, true);
});

it('a GET query runs compiled, with the same bytes and headers that matter', async () => {
  const url = (base: string): string => `${base}?query=${encodeURIComponent(`{ role(id: "${TEAM_LEAD}") { key grade } }`)}`;
  const [plain, jit] = await Promise.all([fetch(url(pair.urls.plain)), fetch(url(pair.urls.jit))]);
  expect(jit.status).toBe(plain.status);
  expect(jit.headers.get('etag')).toBe(plain.headers.get('etag'));
  expect(jit.headers.get('cache-control')).toBe(plain.headers.get('cache-control'));
  expect(await jit.text()).toBe(await plain.text());
});
