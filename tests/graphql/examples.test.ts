// Every operation in schema/examples.graphql runs against the sample history without errors.
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { buildRolegraphSchema } from '../../src/graphql';
import { roleGlobalId } from '../../src/graphql/globalId';
import type { Indexer } from '../../src/index/types';
import { HV, makeIndexer, makeSampleHandbook, runner, TEAM_LEAD, type Runner, type SampleHandbook } from './sampleHandbook';

const EXAMPLES = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'examples.graphql'), 'utf8');
const operations = parse(EXAMPLES)
  .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  .map((d) => d.name?.value ?? '(anonymous)');

let handbook: SampleHandbook;
let indexer: Indexer;
let run: Runner;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  run = runner(await buildRolegraphSchema(), indexer);
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

it('holds the named operations the docs point to', () => {
  expect(operations).toEqual(expect.arrayContaining(['RoleAtCommit', 'RoleHistory', 'Diff', 'Families', 'Search', 'Ladder', 'RolesPage', 'Node']));
});

it.each(operations)('runs %s without errors', async (operationName) => {
  const head = handbook.shas[handbook.shas.length - 1];
  const variables = { roleId: TEAM_LEAD, familySlug: HV, from: 'v1', to: head, text: 'customer', nodeId: roleGlobalId(TEAM_LEAD, handbook.shas[0]) };
  const result = await run(`${EXAMPLES}`, variables, { operationName });
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
});
