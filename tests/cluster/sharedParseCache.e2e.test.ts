// Replicas sharing parsed pages through a real redis-server (issue 14), over the corpus's real
// 31-commit history, wired as `rolegraph serve` wires them (server/compose.ts, ROLEGRAPH_REDIS_URL):
// replica A indexes with an empty cache folder and fills Redis; replica B starts with another empty
// folder and parses 0 pages, every one from Redis, and answers GraphQL exactly as A does; replica C
// loses Redis while it indexes and still completes, parsing locally.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Redis } from 'ioredis';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import type { IndexerWithStats, IndexProgress } from '../../src/index';
import { SHARED_PARSE_KEY_PREFIX } from '../../src/cluster';
import { buildCorpusHistory } from '../helpers/makeRepo';
import { startRedis, type TestRedis } from '../helpers/redisServer';

jest.setTimeout(120_000);

const logger = pino({ level: 'silent' });
let redis: TestRedis;
let repoDir: string;
const temps: string[] = [];
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  redis = await startRedis();
  repoDir = buildCorpusHistory();
});
afterAll(async () => {
  for (const thing of open.reverse()) await thing.close();
  await redis?.close();
  for (const dir of [repoDir, ...temps]) fs.rmSync(dir, { recursive: true, force: true });
});

/** A replica: its own empty cache folder, the shared Redis, indexed once. */
async function replica(onProgress?: (p: IndexProgress) => void): Promise<IndexerWithStats> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-replica-'));
  temps.push(cacheDir);
  const config = loadConfig({ repo: repoDir, cacheDir, pollSeconds: 0 }, { ROLEGRAPH_REDIS_URL: redis.url });
  const indexer = createIndexerFor(config, repoDir, logger, onProgress);
  open.push(indexer);
  await indexer.refresh();
  return indexer;
}

async function serve(indexer: IndexerWithStats): Promise<string> {
  const config = loadConfig({ repo: repoDir, pollSeconds: 0 }, {});
  const server: RolegraphServer = await createServer({ config, indexer, logger });
  open.push(server);
  return `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
}

/** Operations over every part of the index: families and roles at head, history, a diff across the renames, search, lint. */
const OPERATIONS = [
  '{ repository { head { sha message } } families(first: 100) { totalCount edges { node { slug title department parent { slug } roles { id title grade gradeText responsibilities requirements reportsTo } careerLadder { text target } warnings { message } } } } }',
  '{ roleHistory(id: "sales/account-executive#mid-market-account-executive", first: 20) { totalCount edges { node { change commit { sha } changes { field added removed } } } } }',
  '{ commits(first: 31) { edges { node { sha } } } }',
  '{ search(text: "quota", first: 10) { score snippet role { id } } validation { ruleId severity } }',
];

async function answers(base: string, diffFrom: string): Promise<string[]> {
  const ops = [...OPERATIONS, `{ diff(from: "${diffFrom}", to: "main") { families { slug change } roles { id change changes { field before after } } } }`];
  const out: string[] = [];
  for (const query of ops) {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const text = await res.text();
    expect([res.status, JSON.parse(text).errors]).toEqual([200, undefined]);
    out.push(text);
  }
  return out;
}

let a: IndexerWithStats;

it('replica A parses every page version and writes each to Redis; replica B, with an empty cache folder, parses none and answers identically', async () => {
  a = await replica();
  const aPages = a.status().pages;
  expect(aPages.parsed).toBeGreaterThan(80); // 88 page versions in the 31 commits
  expect(aPages).toMatchObject({ loaded: 0, shared: 0, sharedFailures: 0 });

  const admin = new Redis(redis.url);
  try {
    const keys = await admin.keys(`${SHARED_PARSE_KEY_PREFIX}*`);
    expect(keys).toHaveLength(aPages.parsed);
  } finally {
    admin.disconnect();
  }

  const b = await replica();
  expect(b.status().pages).toEqual({ parsed: 0, loaded: 0, shared: aPages.parsed, sharedFailures: 0 });
  expect(b.status().head!.sha).toBe(a.status().head!.sha);

  const first = a.current()!.timeline[0].sha;
  const [aBase, bBase] = [await serve(a), await serve(b)];
  const fromA = await answers(aBase, first);
  // Not an empty agreement: A serves the corpus's 56 family and department pages and the history behind them.
  expect(JSON.parse(fromA[0]).data.families.totalCount).toBe(56);
  expect(JSON.parse(fromA[1]).data.roleHistory.totalCount).toBeGreaterThan(1);
  expect(await answers(bBase, first)).toEqual(fromA);
});

it('replica C loses Redis while it indexes: indexing completes by parsing locally, one failure counted, the same answers', async () => {
  expect(a).toBeDefined();
  let stopped: Promise<void> | null = null;
  // Redis goes away once C is connected and has fetched, before it asks for any page.
  const c = await replica((p) => {
    if (p.stage === 'timeline' && stopped === null) stopped = redis.stop('SIGKILL');
  });
  expect(stopped).not.toBeNull();
  await stopped;
  const pages = c.status().pages;
  expect(pages).toMatchObject({ parsed: a.status().pages.parsed, shared: 0, loaded: 0 });
  expect(pages.sharedFailures).toBeGreaterThanOrEqual(1);
  expect(c.status()).toMatchObject({ phase: 'ready', lastError: null });

  const first = a.current()!.timeline[0].sha;
  expect(await answers(await serve(c), first)).toEqual(await answers(await serve(a), first));
});
