// Stale-while-error (issue 13): a restart while the remote is unreachable, with a complete cache on
// disk, serves the last indexed head at once — /readyz 200 with `phase: "stale"`, its age and the
// reason; repository.status FAILED — and the next refresh that reaches the remote brings it current.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { loadConfig, type Config } from '../../src/server/config';
import type { Indexer } from '../../src/index/types';
import { createRefresher, type Refresher } from '../../src/watch';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const VP_PATH = 'content/job-families/sales/vp-of-commercial-sales.md';

let repo: TestRepo;
let remoteDir: string;
let cacheDir: string;
let config: Config;
const running: Array<{ indexer: Indexer; refresher: Refresher; server: RolegraphServer }> = [];

async function start(): Promise<{ indexer: Indexer; refresher: Refresher; base: string }> {
  const logger = pino({ level: 'silent' });
  const indexer = createIndexerFor(config, config.repo!, logger);
  const refresher = createRefresher(indexer, { pollSeconds: 0 });
  const server = await createServer({ config, indexer, refresher, logger });
  running.push({ indexer, refresher, server });
  return { indexer, refresher, base: `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}` };
}

async function stop(): Promise<void> {
  for (const { refresher, server, indexer } of running.splice(0)) {
    await refresher.stop();
    await server.close();
    await indexer.close();
  }
}

async function graphql(base: string, query: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(() => {
  repo = makeRepo([{ message: 'Add High Velocity Sales', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
  remoteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-stale-remote-'));
  repo.git('clone', '-q', '--bare', repo.dir, remoteDir);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-stale-cache-'));
  config = loadConfig({ repo: remoteDir, cacheDir, pollSeconds: 0 }, {});
});

afterAll(async () => {
  await stop();
  repo?.cleanup();
  for (const dir of [remoteDir, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('serves the cached index at once when the first fetch fails, says it is stale, and catches up when the remote returns', async () => {
  const first = await start();
  expect(await first.refresher.trigger('test')).not.toBeNull();
  const indexedHead = repo.head();
  const roleCount = (await graphql(first.base, '{ roles { totalCount } }')).data.roles.totalCount;
  expect(roleCount).toBeGreaterThan(0);
  await stop();

  // The remote goes away; the process restarts with its cache folder.
  fs.rmSync(remoteDir, { recursive: true, force: true });
  const second = await start();
  expect(await second.refresher.trigger('startup')).toBeNull();

  const readyz = await fetch(`${second.base}/readyz`);
  const body = (await readyz.json()) as Record<string, unknown>;
  expect(readyz.status).toBe(200);
  expect(body).toMatchObject({ status: 'ready', phase: 'stale', head: indexedHead, lastError: expect.stringMatching(/^git fetch failed: /) });
  expect(body.stalenessSeconds).toEqual(expect.any(Number));
  expect(body.lastRefreshAt).toEqual(expect.any(String));
  const answer = await graphql(second.base, '{ repository { status head { sha } } roles { totalCount } }');
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({ repository: { status: 'FAILED', head: { sha: indexedHead } }, roles: { totalCount: roleCount } });

  // The remote is back, one commit ahead: the next refresh extends the cached view and clears the error.
  repo.commit({ message: 'Add VP of Commercial Sales', files: { [VP_PATH]: seed('vp-of-commercial-sales.md') } });
  repo.git('clone', '-q', '--bare', repo.dir, remoteDir);
  expect(await second.refresher.trigger('retry')).not.toBeNull();
  const after = (await (await fetch(`${second.base}/readyz`)).json()) as Record<string, unknown>;
  expect(after).toMatchObject({ status: 'ready', phase: 'ready', head: repo.head(), lastError: null });
  expect((await graphql(second.base, '{ repository { status } }')).data.repository.status).toBe('READY');
});

it('without a cache, a failed first fetch still serves nothing (503)', async () => {
  const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-stale-empty-'));
  try {
    config = loadConfig({ repo: path.join(emptyCache, 'no-such-remote'), cacheDir: emptyCache, pollSeconds: 0 }, {});
    const { refresher, base } = await start();
    expect(await refresher.trigger('startup')).toBeNull();
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ status: 'not_ready', phase: 'failed', head: null });
  } finally {
    await stop();
    fs.rmSync(emptyCache, { recursive: true, force: true });
  }
});
