// A server composed without a watcher (tests, benches, embedders) still has one refresh queue: the
// indexer refuses a refresh while one runs, so overlapping `refresh` mutations must be queued by the
// server's own refresher, and each answers with the head, never an error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import type { Indexer } from '../../src/index/types';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const ADMIN_TOKEN = 'admin-token-for-tests';
const MUTATION = JSON.stringify({ query: 'mutation { refresh { head { sha } } }' });

let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let server: RolegraphServer;
let base: string;

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add VP of Commercial Sales', files: { 'content/job-families/sales/vp-of-commercial-sales.md': seed('vp-of-commercial-sales.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-refresh-queue-'));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, { ROLEGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
  indexer = createIndexerFor(config, repo.dir, pino({ level: 'silent' }));
  server = await createServer({ config, indexer, logger: pino({ level: 'silent' }) });
  const address = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('answers overlapping refresh mutations with the head, none refused', async () => {
  const answers = await Promise.all(
    [1, 2, 3].map(async () => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: MUTATION,
      });
      return (await res.json()) as { data?: { refresh: { head: { sha: string } } }; errors?: unknown[] };
    }),
  );
  expect(answers).toEqual([1, 2, 3].map(() => ({ data: { refresh: { head: { sha: repo.head() } } } })));
  expect(indexer.status()).toMatchObject({ phase: 'ready', lastError: null });
});
