// Without ROLEGRAPH_REDIS_URL a served process loads no Redis code at all (src/cluster, ioredis,
// keyv): single process works exactly as before. With it set, the same probe sees them loaded,
// so the probe can tell. Both answer `repository { instance }` with their own name.
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

interface Probe {
  /** The Redis modules the process loaded. */
  loaded: string[];
  /** Its answer to `repository { instance clusterHead }`. */
  repository: unknown;
  pid: number;
}

/** Starts the built server in a child process with `flags`; what it loaded and how it answers. */
async function probeServer(flags: Record<string, unknown>): Promise<Probe> {
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
      const res = await fetch(service.url + '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ repository { instance clusterHead } }' }),
      });
      const repository = (await res.json()).data.repository;
      await service.close();
      console.log(JSON.stringify({ loaded: [...new Set(loaded)].sort(), repository, pid: process.pid }));
    });`;
  const { stdout } = await run(process.execPath, ['-e', probe], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Probe;
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
  it('loads none without a Redis URL, and names the process as its instance, with no cluster head', async () => {
    const { loaded, repository, pid } = await probeServer({});
    expect(loaded).toEqual([]);
    expect(repository).toEqual({ instance: `${os.hostname()}:${pid}`, clusterHead: null });
  });

  it('loads the cluster layer, ioredis and keyv with one', async () => {
    expect((await probeServer({ redisUrl: redis.url })).loaded).toEqual(['@apollo/utils.keyvadapter', 'cluster', 'ioredis', 'keyv']);
  });
});
