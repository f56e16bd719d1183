// ROLEGRAPH_ANSWER_CACHE_ENTRIES through the real config and server: the default keeps repeated
// answers (the second identical POST is a cache hit); 0 turns the HTTP answer cache off, so every
// request runs through express and Apollo, as the uncached bench numbers need.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { ConfigError, loadConfig } from '../../src/server/config';
import { CACHE_STATUS_HEADER } from '../../src/server/plugins/responseBytesCache';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
let repo: TestRepo;
const dirs: string[] = [];

beforeAll(() => {
  repo = makeRepo([{ message: 'Add High Velocity Sales', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
});

afterAll(() => {
  repo.cleanup();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The cache marker of two identical POSTs to a server configured by `env`. */
async function twoAnswers(env: Record<string, string>): Promise<Array<string | null>> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-answer-cache-'));
  dirs.push(cacheDir);
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, env);
  const indexer = createIndexerFor(config, repo.dir, logger);
  await indexer.refresh();
  const server = await createServer({ config, indexer, logger });
  try {
    const { port } = await server.listen(0, '127.0.0.1');
    const marks: Array<string | null> = [];
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ roles(first: 2) { totalCount } }"}' });
      expect(res.status).toBe(200);
      await res.text();
      marks.push(res.headers.get(CACHE_STATUS_HEADER));
    }
    return marks;
  } finally {
    await server.close();
    await indexer.close();
  }
}

it('keeps a repeated answer by default, and none with ROLEGRAPH_ANSWER_CACHE_ENTRIES=0', async () => {
  expect(await twoAnswers({})).toEqual([null, 'hit']);
  expect(await twoAnswers({ ROLEGRAPH_ANSWER_CACHE_ENTRIES: '0' })).toEqual([null, null]);
});

it('refuses a setting that is not a whole number in range, naming it', () => {
  expect(() => loadConfig({}, { ROLEGRAPH_ANSWER_CACHE_ENTRIES: 'many' })).toThrow(ConfigError);
  expect(() => loadConfig({}, { ROLEGRAPH_ANSWER_CACHE_ENTRIES: '-1' })).toThrow(/ROLEGRAPH_ANSWER_CACHE_ENTRIES/);
});
