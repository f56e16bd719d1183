// The diff resolver's concurrency gate: concurrent diffs queue beyond DIFF_CONCURRENCY, and
// identical (from, to) pairs on one view share one built answer (one view.diff call).
import type { GraphQLSchema } from 'graphql';
import { buildRolegraphSchema } from '../../src/graphql';
import { DIFF_CONCURRENCY } from '../../src/graphql/resolvers/diff.resolver';
import type { Indexer, IndexView } from '../../src/index/types';
import { makeIndexer, makeSampleHandbook, runner, type SampleHandbook } from './sampleHandbook';

let handbook: SampleHandbook;
let indexer: Indexer;
let schema: GraphQLSchema;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  schema = await buildRolegraphSchema();
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

interface Counted {
  indexer: Indexer;
  diffCalls: () => number;
  maxResolving: () => number;
}

/** The real indexer, its view wrapped to count diff calls and ref resolutions in flight at once. */
function counted(): Counted {
  const view = indexer.current()!;
  let diffCalls = 0;
  let resolving = 0;
  let maxResolving = 0;
  const wrapped: IndexView = Object.create(view) as IndexView;
  wrapped.diff = (from, to) => {
    diffCalls += 1;
    return view.diff!(from, to);
  };
  wrapped.resolveRef = async (ref) => {
    resolving += 1;
    maxResolving = Math.max(maxResolving, resolving);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return await view.resolveRef(ref);
    } finally {
      resolving -= 1;
    }
  };
  return { indexer: { ...indexer, current: () => wrapped }, diffCalls: () => diffCalls, maxResolving: () => maxResolving };
}

const DIFF = 'query ($from: String!, $to: String!) { diff(from: $from, to: $to) { from { sha } to { sha } roles { id change before { grade } after { grade } } families { slug change } } }';

describe('diff concurrency gate', () => {
  it('answers many concurrent identical diffs equally, building the diff once', async () => {
    const c = counted();
    const run = runner(schema, c.indexer);
    const results = await Promise.all(Array.from({ length: 8 }, () => run(DIFF, { from: handbook.shas[0], to: handbook.shas[3] })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const first = results[0]!.data?.diff as { roles: unknown[] };
    expect(first.roles.length).toBeGreaterThan(0);
    for (const r of results) expect(r.data).toEqual(results[0]!.data);
    expect(c.diffCalls()).toBe(1);
  });

  it('lets at most DIFF_CONCURRENCY different diffs resolve at once, and answers all of them', async () => {
    const c = counted();
    const run = runner(schema, c.indexer);
    const pairs = [0, 1, 2].flatMap((a) => [1, 2, 3].filter((b) => b > a).map((b) => [handbook.shas[a]!, handbook.shas[b]!] as const));
    const results = await Promise.all(pairs.map(([from, to]) => run(DIFF, { from, to })));
    results.forEach((r, i) => {
      expect(r.errors).toBeUndefined();
      expect(r.data?.diff).toMatchObject({ from: { sha: pairs[i]![0] }, to: { sha: pairs[i]![1] } });
    });
    expect(pairs.length).toBeGreaterThan(DIFF_CONCURRENCY);
    // Each diff resolves its two refs together; beyond the gate's width none may start.
    expect(c.maxResolving()).toBe(2 * DIFF_CONCURRENCY);
    expect(c.diffCalls()).toBe(pairs.length);
  });
});
