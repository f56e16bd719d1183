// Without ROLEGRAPH_REDIS_URL a served process loads no Redis code at all (src/cluster, ioredis,
// keyv): single process works exactly as before. With it set, the same probe sees them loaded,
// so the probe can tell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';
import { startRedis, type TestRedis } from '../helpers/redisServer';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server', 'index.js');

let repo: TestRepo;
let redis: TestRedis;
let cacheDir: string;

/** Starts the built server in a child process with `flags`, and lists the Redis modules it loaded. */
async function redisModulesLoaded(flags: Record<string, unknown>): Promise<string[]> {
  const config = JSON.stringify({ ...flags, repo: repo.dir, cacheDir, port: 0, host: '127.0.0.1', pollSeconds: 0 });
  // String.raw: the regex reaches the child as written.
  const probe = String.raw`
    const { loadConfig, startServer } = require(${JSON.stringify(SERVER)});
    const logger = require('pino')({ level: 'silent' });
    startServer(loadConfig(${config}, {}), { logger }).then(async (service) => {
      const loaded = Object.keys(require.cache).flatMap((file) => {
        const found = /\/node_modules\/(ioredis|keyv|@apollo\/utils\.keyvadapter)\/|\/dist\/(cluster)\//.exec(file);
        return found ? [found[1] ?? found[2]] : [];
      });
      await service.close();
      console.log(JSON.stringify([...new Set(loaded)].sort()));
    });`;
  const { stdout } = await run(process.execPath, ['-e', probe], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as string[];
}

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add the regional sales director', files: { 'content/job-families/sales/director-regional-sales.md': seed('director-regional-sales.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-lazy-'));
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.close();
  repo?.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('Redis code is loaded only when configured', () => {
  it('loads none without a Redis URL', async () => {
    expect(await redisModulesLoaded({})).toEqual([]);
  });

  it('loads the cluster layer, ioredis and keyv with one', async () => {
    expect(await redisModulesLoaded({ redisUrl: redis.url })).toEqual(['@apollo/utils.keyvadapter', 'cluster', 'ioredis', 'keyv']);
  });
});
