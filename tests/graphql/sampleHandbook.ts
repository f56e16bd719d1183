// A small, readable handbook history built from the seeds, indexed by the real indexer over real
// git, for the GraphQL tests. What each commit does is what the tests assert on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphql, type ExecutionResult } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { buildRolegraphSchema, createContext } from '../../src/graphql';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer } from '../../src/index';
import type { Indexer } from '../../src/index/types';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

export const DIR = 'content/job-families/sales';
export const HV = 'sales/high-velocity-sales-and-first-orders';
export const TEAM_LEAD = `${HV}#smb-advocate-team-lead`;
export const ADVOCATE = `${HV}#smb-advocate`;
export const SENIOR_RM = `${HV}#senior-regional-manager-smb`;
export const CAE = 'sales/commercial-account-executive';

const HV_SEED = seed('high-velocity-sales-and-first-orders.md');
/** The seed as it might have read before: the Team Lead one grade lower. */
const HV_OLD = HV_SEED.replace('The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 5.');

export interface SampleHandbook {
  repo: TestRepo;
  /** Commit shas, oldest first: v1, grade bump + new family, move, removal. */
  shas: string[];
}

export function makeSampleHandbook(): SampleHandbook {
  if (HV_OLD === HV_SEED) throw new Error('seed changed: the Team Lead grade sentence is gone');
  const repo = makeRepo([
    {
      message: 'Add sales families',
      tag: 'v1',
      files: {
        [`${DIR}/high-velocity-sales-and-first-orders.md`]: HV_OLD,
        [`${DIR}/vp-of-commercial-sales.md`]: seed('vp-of-commercial-sales.md'),
        [`${DIR}/director-regional-sales.md`]: seed('director-regional-sales.md'),
      },
    },
    {
      message: 'Regrade the SMB Advocate Team Lead; add Commercial AE',
      files: {
        [`${DIR}/high-velocity-sales-and-first-orders.md`]: HV_SEED,
        [`${DIR}/commercial-account-executive.md`]: seed('commercial-account-executive.md'),
      },
    },
    {
      message: 'Move Director, Regional Sales into a folder; add Inside Sales',
      renames: [[`${DIR}/director-regional-sales.md`, `${DIR}/director-regional-sales/index.md`]],
      files: { [`${DIR}/inside-sales-mid-market.md`]: seed('inside-sales-mid-market.md') },
    },
    {
      message: 'Retire the Commercial AE family',
      files: { [`${DIR}/commercial-account-executive.md`]: null },
    },
  ]);
  const shas = repo.git('rev-list', '--reverse', 'HEAD').split('\n');
  return { repo, shas };
}

export function tempCacheDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-gql-cache-'));
}

export interface Runner {
  (source: string, variables?: Record<string, unknown>, opts?: { isAdmin?: boolean; operationName?: string }): Promise<ExecutionResult>;
}

/** Runs one operation the way the server does: a fresh context (pinned view, loaders) per request. */
export function runner(schema: GraphQLSchema, indexer: Indexer): Runner {
  return (source, variables, opts) =>
    graphql({
      schema,
      source,
      variableValues: variables,
      operationName: opts?.operationName,
      contextValue: createContext({ indexer, isAdmin: opts?.isAdmin ?? false }),
    }) as Promise<ExecutionResult>;
}

export function codes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((error) => String(error.extensions?.code));
}

/** The real indexer over a bare cache clone of the handbook, in a folder its close() removes; not refreshed yet. */
export function makeIndexer(handbook: SampleHandbook): Indexer {
  const cacheDir = tempCacheDir();
  const source = createGitSource({ remote: handbook.repo.dir, branch: 'main', cacheDir });
  const indexer = createIndexer({ source, url: handbook.repo.dir, branch: 'main', contentDir: 'content/job-families', cacheDir });
  // Callers close the indexer in afterAll and never see the cache folder: closing removes it too.
  const close = indexer.close.bind(indexer);
  indexer.close = async () => {
    await close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  };
  return indexer;
}

/** A history indexed for one test file: its commits, and a runner over the schema once indexed. */
export interface IndexedHistory {
  shas: string[];
  run: Runner;
}

/**
 * Builds `make`'s history, indexes it and readies the schema in the file's beforeAll, and removes it
 * all in afterAll; the fields are set once beforeAll has run.
 */
export function indexedHistory(make: () => { repo: TestRepo; shas: string[] }): IndexedHistory {
  const indexed = { shas: [], run: undefined } as unknown as IndexedHistory;
  let repo: TestRepo;
  let indexer: Indexer;
  let cacheDir: string;
  beforeAll(async () => {
    ({ repo, shas: indexed.shas } = make());
    cacheDir = tempCacheDir();
    indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, url: repo.dir, branch: 'main' });
    await indexer.refresh();
    indexed.run = runner(await buildRolegraphSchema(), indexer);
  });
  afterAll(async () => {
    await indexer?.close();
    repo?.cleanup();
    if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  return indexed;
}
