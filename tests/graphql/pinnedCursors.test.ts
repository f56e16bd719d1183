// Paging while the head moves: page 1, a push that inserts items BEFORE the cursor's position, a
// refresh, then page 2 with `after`. The cursor carries the commit its list was read at, so page 2
// continues that list: nothing repeated, nothing skipped, even with `at` omitted.
import { buildRolegraphSchema } from '../../src/graphql';
import { encodeCursor } from '../../src/graphql/pagination';
import type { Indexer } from '../../src/index/types';
import { seed } from '../helpers/makeRepo';
import { codes, DIR, makeIndexer, makeSampleHandbook, runner, type Runner, type SampleHandbook } from './sampleHandbook';

/** Sorts before every family of the sample, so its roles and its page come first at the new head. */
const EARLY = 'sales/aaa-account-executive';

interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  edges: Array<{ cursor: string; node: N }>;
}

let handbook: SampleHandbook;
let indexer: Indexer;
let run: Runner;
let oldHead: string;
/** The three lists in full as they stood before the push. */
let roles: string[];
let families: string[];
let commits: string[];

const ROLES = 'query ($first: Int, $after: String, $last: Int, $before: String, $at: String) { roles(first: $first, after: $after, last: $last, before: $before, at: $at) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key commit { sha } } } } }';
const FAMILIES = 'query ($first: Int, $after: String) { families(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }';
const COMMITS = 'query ($first: Int, $after: String, $last: Int, $before: String) { commits(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { sha } } } }';

async function page<N>(query: string, field: string, variables: Record<string, unknown>): Promise<Page<N>> {
  const result = await run(query, variables);
  expect(result.errors).toBeUndefined();
  return (result.data as Record<string, Page<N>>)[field];
}

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  run = runner(await buildRolegraphSchema(), indexer);
  oldHead = handbook.shas[handbook.shas.length - 1];
  roles = (await page<{ key: string }>(ROLES, 'roles', { first: 100 })).edges.map((e) => e.node.key);
  families = (await page<{ slug: string }>(FAMILIES, 'families', { first: 100 })).edges.map((e) => e.node.slug);
  commits = (await page<{ sha: string }>(COMMITS, 'commits', { first: 100 })).edges.map((e) => e.node.sha);
  expect(roles.length).toBeGreaterThan(6);
  expect(families.length).toBeGreaterThan(3);
  expect(commits).toHaveLength(4);
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

describe('a cursor keeps its commit across a push', () => {
  let rolesPage1: Page<{ key: string; commit: { sha: string } }>;
  let familiesPage1: Page<{ slug: string }>;
  let commitsPage1: Page<{ sha: string }>;

  beforeAll(async () => {
    rolesPage1 = await page(ROLES, 'roles', { first: 3 });
    familiesPage1 = await page(FAMILIES, 'families', { first: 2 });
    commitsPage1 = await page(COMMITS, 'commits', { first: 2 });
    handbook.repo.commit({ message: 'Add an Account Executive family', files: { [`${DIR}/aaa-account-executive.md`]: seed('commercial-account-executive.md') } });
    await indexer.refresh();
  });

  it('the push really inserted items before the cursors: the head lists now start with them', async () => {
    const now = await page<{ key: string }>(ROLES, 'roles', { first: 3 });
    expect(now.edges[0].node.key.startsWith(`${EARLY}#`)).toBe(true);
    expect((await page<{ slug: string }>(FAMILIES, 'families', { first: 1 })).edges[0].node.slug).toBe(EARLY);
    expect((await page<{ sha: string }>(COMMITS, 'commits', { first: 1 })).edges[0].node.sha).toBe(handbook.repo.head());
  });

  it('roles: page 2 continues the list of page 1, with and without `at`', async () => {
    expect(rolesPage1.edges.map((e) => e.node.key)).toEqual(roles.slice(0, 3));
    for (const at of [undefined, 'main']) {
      const page2 = await page<{ key: string; commit: { sha: string } }>(ROLES, 'roles', { first: 3, after: rolesPage1.pageInfo.endCursor, at });
      expect(page2.edges.map((e) => e.node.key)).toEqual(roles.slice(3, 6));
      expect(page2.edges.every((e) => e.node.commit.sha === oldHead)).toBe(true);
      expect(page2.totalCount).toBe(roles.length);
    }
  });

  it('families and commits: page 2 neither repeats nor skips', async () => {
    const families2 = await page<{ slug: string }>(FAMILIES, 'families', { first: 2, after: familiesPage1.pageInfo.endCursor });
    expect([...familiesPage1.edges, ...families2.edges].map((e) => e.node.slug)).toEqual(families.slice(0, 4));
    const commits2 = await page<{ sha: string }>(COMMITS, 'commits', { first: 2, after: commitsPage1.pageInfo.endCursor });
    expect([...commitsPage1.edges, ...commits2.edges].map((e) => e.node.sha)).toEqual(commits);
    expect(commits2.pageInfo.hasNextPage).toBe(false);
  });

  it('pages back with last/before over the same list', async () => {
    const page2 = await page<{ key: string }>(ROLES, 'roles', { first: 3, after: rolesPage1.pageInfo.endCursor });
    const back = await page<{ key: string }>(ROLES, 'roles', { last: 3, before: page2.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.key)).toEqual(roles.slice(0, 3));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const commitsBack = await page<{ sha: string }>(COMMITS, 'commits', { last: 1, before: commitsPage1.pageInfo.endCursor });
    expect(commitsBack.edges.map((e) => e.node.sha)).toEqual([commits[0]]);
  });

  it('refuses a cursor whose commit the repository does not have, as BAD_USER_INPUT', async () => {
    const stale = encodeCursor({ sha: 'f'.repeat(40), offset: 2 });
    expect(codes(await run(ROLES, { first: 3, after: stale }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(COMMITS, { first: 3, after: stale }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(ROLES, { first: 3, after: 'bm90IGEgY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
  });
});
