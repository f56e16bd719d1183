// The index's life as GraphQL clients see it: nothing to read before the first index, then a
// refresh by an admin that moves the head and is announced on the headChanged subscription.
import { parse, subscribe, type ExecutionResult } from 'graphql';
import { buildRolegraphSchema, createContext, createRolegraphPubSub, publishHeadChanges } from '../../src/graphql';
import type { Indexer } from '../../src/index/types';
import { seed } from '../helpers/makeRepo';
import { codes, DIR, makeSampleHandbook, runner, makeIndexer, TEAM_LEAD, type SampleHandbook } from './sampleHandbook';

let handbook: SampleHandbook;
let indexer: Indexer;

beforeAll(() => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

it('answers INDEX_NOT_READY before the first index, then serves, then announces a moved head', async () => {
  const pubSub = createRolegraphPubSub();
  const schema = await buildRolegraphSchema({ pubSub });
  const run = runner(schema, indexer);
  const stop = publishHeadChanges(indexer, pubSub);

  // Before the first refresh: reads fail with INDEX_NOT_READY, the repository still reports its state.
  const early = await run(`{ role(id: "${TEAM_LEAD}") { id } }`);
  expect(codes(early)).toEqual(['INDEX_NOT_READY']);
  const status = await run('{ repository { branch status } }');
  expect(status.errors).toBeUndefined();
  expect(status.data?.repository).toMatchObject({ branch: 'main' });

  // An admin's refresh builds the first index.
  const first = await run('mutation { refresh { head { sha } previousHead { sha } } }', undefined, { isAdmin: true });
  expect(first.errors).toBeUndefined();
  expect(first.data?.refresh).toMatchObject({ head: { sha: handbook.shas[3] } });
  expect((await run(`{ role(id: "${TEAM_LEAD}") { grade } }`)).data?.role).toEqual({ grade: 6 });

  // Subscribe, then push a new commit and refresh: subscribers hear about it.
  const stream = (await subscribe({
    schema,
    document: parse('subscription { headChanged { head { sha } previousHead { sha } changedRoleIds } }'),
    contextValue: createContext({ indexer, isAdmin: false }),
  })) as AsyncIterableIterator<ExecutionResult>;
  const next = stream.next();
  const text = seed('high-velocity-sales-and-first-orders.md').replace('The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');
  const newHead = handbook.repo.commit({ message: 'Regrade the Team Lead again', files: { [`${DIR}/high-velocity-sales-and-first-orders.md`]: text } });
  const second = await run('mutation { refresh { head { sha } changedRoleIds } }', undefined, { isAdmin: true });
  expect(second.errors).toBeUndefined();
  expect(second.data?.refresh).toEqual({ head: { sha: newHead }, changedRoleIds: [TEAM_LEAD] });

  const event = await next;
  expect(event.done).toBe(false);
  expect(event.value.errors).toBeUndefined();
  expect(event.value.data?.headChanged).toEqual({ head: { sha: newHead }, previousHead: { sha: handbook.shas[3] }, changedRoleIds: [TEAM_LEAD] });
  await stream.return?.();
  stop();
});
