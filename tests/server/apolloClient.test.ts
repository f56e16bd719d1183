// The real @apollo/client (core, no React) with its normalised InMemoryCache against a real server
// on loopback, running the operations of schema/examples.graphql: the same role at two commits
// stays two objects in the cache, and relayStylePagination merges pages of `roles`, even across a
// push that moves the head between two pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ApolloClient, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { filter, firstValueFrom } from 'rxjs';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import { createRefresher, type Refresher } from '../../src/watch';
import type { Indexer } from '../../src/index/types';
import { seed } from '../helpers/makeRepo';
import { DIR, makeSampleHandbook, TEAM_LEAD, type SampleHandbook } from '../graphql/sampleHandbook';

const EXAMPLES = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'examples.graphql'), 'utf8');

/** One named operation of examples.graphql as its own document, as a frontend would import it. */
function example(name: string): DocumentNode {
  const operation = parse(EXAMPLES).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`schema/examples.graphql has no operation ${name}`);
  return { kind: Kind.DOCUMENT, definitions: [operation] };
}

interface RoleFields {
  id: string;
  key: string;
  grade: number | null;
}
interface RoleAtCommitData {
  then: RoleFields | null;
  now: RoleFields | null;
}
interface RolesPageData {
  roles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string; key: string } }> };
}

let handbook: SampleHandbook;
let cacheDir: string;
let indexer: Indexer;
let refresher: Refresher;
let server: RolegraphServer;
let uri: string;

function client(cache = new InMemoryCache()): ApolloClient {
  return new ApolloClient({ link: new HttpLink({ uri }), cache });
}

beforeAll(async () => {
  handbook = makeSampleHandbook();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-apollo-test-'));
  const config = loadConfig({ repo: handbook.repo.dir, cacheDir, pollSeconds: 0 }, {});
  const logger = pino({ level: 'silent' });
  indexer = createIndexerFor(config, handbook.repo.dir, logger);
  refresher = createRefresher(indexer, { pollSeconds: 0 });
  server = await createServer({ config, indexer, refresher, logger });
  const address = await server.listen(0, '127.0.0.1');
  uri = `http://127.0.0.1:${address.port}/graphql`;
  await refresher.trigger('test');
});

afterAll(async () => {
  await refresher?.stop();
  await server?.close();
  await indexer?.close();
  handbook?.repo.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('InMemoryCache, default configuration', () => {
  it('keeps both grades of RoleAtCommit: the role at v1 and at head are two cache entries', async () => {
    const apollo = client();
    const query: TypedDocumentNode<RoleAtCommitData> = example('RoleAtCommit');
    const { data } = await apollo.query({ query, variables: { roleId: TEAM_LEAD, from: 'v1' } });
    expect(data?.then).toMatchObject({ key: TEAM_LEAD, grade: 5 });
    expect(data?.now).toMatchObject({ key: TEAM_LEAD, grade: 6 });
    expect(data?.then?.id).not.toBe(data?.now?.id);
    // Read back from the normalised cache alone: still two states.
    const cached = apollo.readQuery({ query, variables: { roleId: TEAM_LEAD, from: 'v1' } });
    expect([cached?.then?.grade, cached?.now?.grade]).toEqual([5, 6]);
    const roleEntries = Object.keys(apollo.cache.extract() as Record<string, unknown>).filter((ref) => ref.startsWith('Role:'));
    expect(roleEntries).toEqual(expect.arrayContaining([`Role:${data?.then?.id}`, `Role:${data?.now?.id}`]));
  });

  it('would merge them if roles were keyed by their readable key (the bug global ids fix)', async () => {
    // The control: key Role by `key`, as the old `id` was, and the cache hands back grade 6 twice.
    const apollo = client(new InMemoryCache({ typePolicies: { Role: { keyFields: ['key'] } } }));
    const { data } = await apollo.query({ query: example('RoleAtCommit') as TypedDocumentNode<RoleAtCommitData>, variables: { roleId: TEAM_LEAD, from: 'v1' } });
    expect([data?.then?.grade, data?.now?.grade]).toEqual([6, 6]);
  });
});

describe('relayStylePagination over roles', () => {
  it('merges pages into one list, with no repeat and no gap across a push between pages', async () => {
    const query: TypedDocumentNode<RolesPageData, { after?: string | null }> = example('RolesPage');
    // The full list at the head before the push, in one big page.
    const full = await client().query({ query: parse('{ roles(first: 100) { edges { node { key } } } }') as TypedDocumentNode<{ roles: { edges: Array<{ node: { key: string } }> } }> });
    const all = full.data!.roles.edges.map((e) => e.node.key);
    // More than one page of 5, at most two, so two pages must read all of it.
    expect(all.length).toBeGreaterThan(5);
    expect(all.length).toBeLessThanOrEqual(10);

    const apollo = client(new InMemoryCache({ typePolicies: { Query: { fields: { roles: relayStylePagination(['at', 'filter']) } } } }));
    // As a UI would: a watched query (kept subscribed, so fetchMore merges into what it shows).
    const watched = apollo.watchQuery({ query, variables: {} });
    const first = await firstValueFrom(watched.pipe(filter((result) => result.dataState === 'complete')));
    expect(first.data.roles.edges.map((e) => e.node.key)).toEqual(all.slice(0, 5));

    // A family that sorts before every other is pushed and indexed between page 1 and page 2.
    handbook.repo.commit({ message: 'Add an Account Executive family', files: { [`${DIR}/aaa-account-executive.md`]: seed('commercial-account-executive.md') } });
    await refresher.trigger('test');

    await watched.fetchMore({ variables: { after: first.data.roles.pageInfo.endCursor } });
    const merged = apollo.readQuery({ query, variables: {} });
    expect(merged?.roles.edges.map((e) => e.node.key)).toEqual(all);
    // Every role of the old head once (the sample has 9: pages of 5 and 4), none of the pushed family.
    expect(new Set(merged?.roles.edges.map((e) => e.node.id)).size).toBe(all.length);
    expect(merged?.roles.pageInfo.hasNextPage).toBe(false);
  });
});
