// The server's fast execution path (plain fields without resolvers, synchronous family lookups, no
// cache-control hook, the answer stringified once for ETag and body) answers byte for byte what
// type-graphql's schema as built, run by plain graphql-js, answers: every operation in
// schema/examples.graphql and the bench's operations, over the sample history.
import fs from 'node:fs';
import path from 'node:path';
import { execute, Kind, parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { buildSchema } from 'type-graphql';
import { createContext, createRolegraphPubSub } from '../../src/graphql';
import { roleGlobalId } from '../../src/graphql/globalId';
import { resolvers } from '../../src/graphql/resolvers';
import type { Indexer } from '../../src/index/types';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { OPERATIONS } from '../../bench/throughputProbe';
import { HV, makeIndexer, makeSampleHandbook, TEAM_LEAD, type SampleHandbook } from '../graphql/sampleHandbook';

const EXAMPLES = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'examples.graphql'), 'utf8');
const exampleNames = parse(EXAMPLES)
  .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  .map((d) => d.name!.value);

let handbook: SampleHandbook;
let indexer: Indexer;
let server: RolegraphServer;
let url: string;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries: 0 };
  server = await createServer({ config, indexer, logger: pino({ level: 'silent' }) });
  url = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}/graphql`;
});

afterAll(async () => {
  await server?.close();
  await indexer?.close();
  handbook?.repo.cleanup();
});

/** What plain graphql-js answers on type-graphql's own schema, serialised as Apollo serialises. */
async function reference(query: string, variables: Record<string, unknown>, operationName?: string): Promise<string> {
  const schema = await referenceSchema;
  const result = await execute({ schema, document: parse(query), variableValues: variables, operationName, contextValue: createContext({ indexer, isAdmin: false }) });
  expect(result.errors).toBeUndefined();
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}
const referenceSchema = buildSchema({ resolvers, pubSub: createRolegraphPubSub(), validate: false, emitSchemaFile: false });

async function served(query: string, variables: Record<string, unknown>, operationName?: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, operationName }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer()).toString('utf8');
}

function exampleVariables(): Record<string, unknown> {
  const head = handbook.shas[handbook.shas.length - 1];
  return { roleId: TEAM_LEAD, familySlug: HV, from: 'v1', to: head, text: 'customer', nodeId: roleGlobalId(TEAM_LEAD, handbook.shas[0]!) };
}

it.each(exampleNames)('answers example %s with the same bytes as type-graphql and graphql-js alone', async (name) => {
  const variables = exampleVariables();
  const bytes = await served(EXAMPLES, variables, name);
  expect(bytes).toBe(await reference(EXAMPLES, variables, name));
  expect(JSON.parse(bytes).data).toBeTruthy();
});

it.each(Object.keys(OPERATIONS) as Array<keyof typeof OPERATIONS>)('answers the bench operation %s with the same bytes', async (name) => {
  const variables = { id: TEAM_LEAD, from: handbook.shas[0], to: 'main' };
  const query = OPERATIONS[name];
  // Each bench operation declares only some of these variables; pass just those.
  const declared = Object.fromEntries(Object.entries(variables).filter(([key]) => query.includes(`$${key}:`)));
  const bytes = await served(query, declared);
  expect(bytes).toBe(await reference(query, declared));
  expect(JSON.parse(bytes).data).toBeTruthy();
});
