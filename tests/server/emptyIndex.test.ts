// A repository with no job families, served: the server answers, but never says ready; /readyz
// carries the reason (the folders looked in) and queries answer INDEX_NOT_READY.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import { createRefresher, type Refresher } from '../../src/watch';
import type { Indexer } from '../../src/index/types';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let refresher: Refresher;
let server: RolegraphServer;
let base: string;

beforeAll(async () => {
  // A job-families folder that holds only a department page: found, but no family in it.
  repo = makeRepo([{ message: 'Only a department page', files: { 'content/job-families/sales/_index.md': '---\ntitle: Sales\n---\n' } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-empty-test-'));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, {});
  const logger = pino({ level: 'silent' });
  indexer = createIndexerFor(config, repo.dir, logger);
  refresher = createRefresher(indexer, { pollSeconds: 0 });
  server = await createServer({ config, indexer, refresher, logger });
  const address = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await refresher?.stop();
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('stays not ready after indexing, with the folders it looked in as the error', async () => {
  await refresher.trigger('test').catch(() => undefined);
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({
    status: 'not_ready',
    phase: 'failed',
    head: null,
    lastError: `no job families at ${repo.head().slice(0, 12)}: looked in every folder named job-families, at any depth: content/job-families (1 page); give --content-dir if the pages live elsewhere`,
  });
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ roles(first: 1) { totalCount } }' }) });
  const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe('INDEX_NOT_READY');
});
