// A refresh that fails because the remote is gone: the admin's `refresh` mutation gets a coded error
// (GIT_FAILED) with a reason, and neither it nor the public /readyz names a path on the server;
// the last good index keeps answering.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import type { Indexer } from '../../src/index/types';
import { createRefresher, type Refresher } from '../../src/watch';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const ADMIN_TOKEN = 'admin-token-for-refresh-failure';
const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';

let repo: TestRepo;
let remoteDir: string;
let cacheDir: string;
let indexer: Indexer;
let refresher: Refresher;
let server: RolegraphServer;
let base: string;

const graphql = async (query: string, headers: Record<string, string> = {}): Promise<any> => {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  expect(res.status).toBe(200);
  return res.json();
};

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add High Velocity Sales', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
  remoteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-gone-remote-'));
  repo.git('clone', '-q', '--bare', repo.dir, remoteDir);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-refresh-failure-'));
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ repo: remoteDir, cacheDir, pollSeconds: 0 }, { ROLEGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
  indexer = createIndexerFor(config, remoteDir, logger);
  refresher = createRefresher(indexer, { pollSeconds: 0 });
  server = await createServer({ config, indexer, refresher, logger });
  base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  expect(await refresher.trigger('test')).not.toBeNull();
});

afterAll(async () => {
  await refresher?.stop();
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  for (const dir of [remoteDir, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('answers GIT_FAILED with a path-free reason, and /readyz names no path either', async () => {
  fs.rmSync(remoteDir, { recursive: true, force: true });
  const answer = await graphql('mutation { refresh { head { sha } } }', { authorization: `Bearer ${ADMIN_TOKEN}` });
  expect(answer.data).toBeNull();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors[0].extensions).toEqual({ code: 'GIT_FAILED' });
  expect(answer.errors[0].message).toMatch(/^refresh failed: git fetch failed: /);

  const readyz = await fetch(`${base}/readyz`);
  const ready = (await readyz.json()) as { status: string; phase: string; lastError: string; stalenessSeconds: number };
  // Still serving (200, traffic keeps flowing), but no longer claiming to be current.
  expect(readyz.status).toBe(200);
  expect([ready.status, ready.phase]).toEqual(['ready', 'stale']);
  expect(ready.stalenessSeconds).toEqual(expect.any(Number));
  expect(ready.lastError).toEqual(expect.any(String));
  const repository = (await graphql('{ repository { status lastError } }')).data.repository;
  expect(repository.status).toBe('FAILED');
  for (const text of [answer.errors[0].message, ready.lastError, repository.lastError]) {
    expect(text).not.toContain(os.tmpdir());
  }
  // The last good index still answers.
  const roles = await graphql('{ roles(first: 1) { totalCount } }');
  expect(roles.data.roles.totalCount).toBeGreaterThan(0);
});
