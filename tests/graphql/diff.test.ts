// The diff query over the real indexer: concurrent identical and different diffs all answer, each
// with its own pair. Memoisation and the concurrency bound belong to the index
// (tests/index/diffMemo.test.ts); here the resolver only has to ask it.
import type { GraphQLSchema } from 'graphql';
import { buildRolegraphSchema } from '../../src/graphql';
import type { Indexer } from '../../src/index/types';
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

const DIFF = 'query ($from: String!, $to: String!) { diff(from: $from, to: $to) { from { sha } to { sha } roles { id change before { grade } after { grade } } families { slug change } } }';

describe('diff', () => {
  it('answers many concurrent identical diffs equally, from one diff in the index', async () => {
    const run = runner(schema, indexer);
    const view = indexer.current()!;
    const results = await Promise.all(Array.from({ length: 8 }, () => run(DIFF, { from: handbook.shas[0], to: handbook.shas[3] })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const first = results[0]!.data?.diff as { roles: unknown[] };
    expect(first.roles.length).toBeGreaterThan(0);
    for (const r of results) expect(r.data).toEqual(results[0]!.data);
    // The index kept that pair: asking it again hands back the very same promise.
    const [from, to] = await Promise.all([view.resolveRef(handbook.shas[0]!), view.resolveRef(handbook.shas[3]!)]);
    expect(view.diff(from, to)).toBe(view.diff(from, to));
  });

  it('answers many concurrent different diffs, each with its own pair', async () => {
    const run = runner(schema, indexer);
    const pairs = [0, 1, 2].flatMap((a) => [1, 2, 3].filter((b) => b > a).map((b) => [handbook.shas[a]!, handbook.shas[b]!] as const));
    const results = await Promise.all(pairs.map(([from, to]) => run(DIFF, { from, to })));
    results.forEach((r, i) => {
      expect(r.errors).toBeUndefined();
      expect(r.data?.diff).toMatchObject({ from: { sha: pairs[i]![0] }, to: { sha: pairs[i]![1] } });
    });
  });
});
