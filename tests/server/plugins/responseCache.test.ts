// The response cache over the real schema, indexer and git: a repeated query is answered without
// executing, a refresh to a new head misses, and errors, mutations and live fields never stick.
// Executions are counted by a second plugin's executionDidStart, which Apollo skips exactly when
// a plugin answered the operation from responseForOperation.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRolegraphSchema, createContext, type RolegraphContext } from '../../../src/graphql';
import { createGitSource } from '../../../src/git/gitSource';
import { createIndexer } from '../../../src/index';
import type { Indexer } from '../../../src/index/types';
import { createResponseCachePlugin, type ResponseCachePlugin } from '../../../src/server/plugins/responseCache';
import { makeRepo, seed, type TestRepo } from '../../helpers/makeRepo';

const PAGE = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const HV_SEED = seed('high-velocity-sales-and-first-orders.md');
const GRADE_6 = 'The SMB Advocate Team Lead is a grade 6.';
const ROLE = 'query Role($id: ID!) { role(id: $id) { id grade } }';

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let server: ApolloServer<RolegraphContext>;
let cache: ResponseCachePlugin;
let executions = 0;

const countExecutions: ApolloServerPlugin<RolegraphContext> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        executions += 1;
      },
    };
  },
};

async function run(query: string, variables?: Record<string, unknown>, operationName?: string, isAdmin = false) {
  const res = await server.executeOperation({ query, variables, operationName }, { contextValue: createContext({ indexer, isAdmin }) });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult;
}

beforeAll(async () => {
  expect(HV_SEED).toContain(GRADE_6);
  repo = makeRepo([{ message: 'Add the high-velocity family', files: { [PAGE]: HV_SEED } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-response-cache-'));
  const source = createGitSource({ remote: repo.dir, branch: 'main', cacheDir });
  indexer = createIndexer({ source, url: repo.dir, branch: 'main', contentDir: 'content/job-families', cacheDir });
  await indexer.refresh();
  cache = createResponseCachePlugin({ maxEntries: 2 });
  server = new ApolloServer<RolegraphContext>({ schema: await buildRolegraphSchema(), plugins: [cache, countExecutions] });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

beforeEach(() => {
  executions = 0;
});

describe('response cache', () => {
  it('answers a second identical query from memory, with the same data', async () => {
    const first = await run(ROLE, { id: TEAM_LEAD });
    const second = await run(ROLE, { id: TEAM_LEAD });
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({ role: { id: TEAM_LEAD, grade: 6 } });
    expect(second).toEqual(first);
    expect(executions).toBe(1);
  });

  it('keys on variables and operation name, not only the text', async () => {
    const doc = `${ROLE} query Other { role(id: "${TEAM_LEAD}") { title } }`;
    await run(doc, { id: TEAM_LEAD }, 'Role');
    await run(doc, { id: 'sales/none#nobody' }, 'Role');
    const other = await run(doc, {}, 'Other');
    expect(other.data).toEqual({ role: { title: 'SMB Advocate Team Lead' } });
    expect(executions).toBe(3);
  });

  it('treats variables in another key order as the same request', async () => {
    const query = 'query ($id: ID!, $at: String) { role(id: $id, at: $at) { id } }';
    await run(query, { id: TEAM_LEAD, at: 'main' });
    await run(query, { at: 'main', id: TEAM_LEAD });
    expect(executions).toBe(1);
  });

  it('misses after a refresh swaps in a new head, and serves the new answer', async () => {
    await run(ROLE, { id: TEAM_LEAD });
    repo.commit({ message: 'Regrade the team lead', files: { [PAGE]: HV_SEED.replace(GRADE_6, 'The SMB Advocate Team Lead is a grade 7.') } });
    await indexer.refresh();
    executions = 0;
    const after = await run(ROLE, { id: TEAM_LEAD });
    expect(after.data).toEqual({ role: { id: TEAM_LEAD, grade: 7 } });
    expect(executions).toBe(1);
    await run(ROLE, { id: TEAM_LEAD });
    expect(executions).toBe(1);
  });

  it('never keeps an answer with errors', async () => {
    const query = 'query ($id: ID!) { role(id: $id, at: "no-such-branch") { id } }';
    const first = await run(query, { id: TEAM_LEAD });
    const second = await run(query, { id: TEAM_LEAD });
    expect(first.errors?.[0]?.extensions?.code).toBe('BAD_REF');
    expect(second.errors?.[0]?.extensions?.code).toBe('BAD_REF');
    expect(executions).toBe(2);
  });

  it('never answers a mutation or the live repository status from memory', async () => {
    for (let i = 0; i < 2; i += 1) await run('{ repository { status lastRefreshAt } }');
    for (let i = 0; i < 2; i += 1) await run('query { ... on Query { repository { commitCount } } }');
    for (let i = 0; i < 2; i += 1) {
      // As an admin, so the mutation succeeds: it is skipped for being a mutation, not for an error.
      const result = await run('mutation { refresh { changedRoleIds } }', undefined, undefined, true);
      expect(result.errors).toBeUndefined();
    }
    expect(executions).toBe(6);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const q = (n: number) => `{ a${n}: role(id: "${TEAM_LEAD}") { id } }`;
    for (const n of [1, 2, 3]) await run(q(n));
    expect(cache.stats().size).toBe(2);
    executions = 0;
    await run(q(3));
    await run(q(1));
    expect(executions).toBe(1);
  });

  it('refuses a cache with no room', () => {
    expect(() => createResponseCachePlugin({ maxEntries: 0 })).toThrow(RangeError);
  });
});
