// The built command with a shared Redis (issue 14): `rolegraph index --redis-url` fills the shared
// parse cache and says how many pages it parsed; `rolegraph serve --redis-url` over an empty cache
// folder then parses none, and /readyz says so.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildCorpusHistory } from '../helpers/makeRepo';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { startServe, type ServedCli } from '../helpers/servedCli';

jest.setTimeout(120_000);

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli', 'cli.js');

let redis: TestRedis;
let repoDir: string;
let served: ServedCli | null = null;
const temps: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cli-shared-'));
  temps.push(dir);
  return dir;
};

beforeAll(async () => {
  redis = await startRedis();
  repoDir = buildCorpusHistory();
});
afterAll(async () => {
  if (served && served.child.exitCode === null) {
    served.child.kill('SIGTERM');
    await served.exited;
  }
  await redis?.close();
  for (const dir of [repoDir, ...temps]) fs.rmSync(dir, { recursive: true, force: true });
});

it('index fills the shared cache; serve over an empty cache folder parses 0 pages and /readyz says so', async () => {
  const first = await run(process.execPath, [CLI, 'index', '--repo', repoDir, '--cache-dir', tempDir(), '--redis-url', redis.url]);
  const stats = JSON.parse(first.stdout) as { parseCache: { parsed: number; shared: number; sharedFailures: number } };
  expect(stats.parseCache.parsed).toBeGreaterThan(80);
  expect(stats.parseCache).toMatchObject({ shared: 0, sharedFailures: 0 });

  served = await startServe(['--repo', repoDir, '--cache-dir', tempDir(), '--redis-url', redis.url, '--poll-seconds', '0']);
  const deadline = Date.now() + 60_000;
  let body: { status?: string; pages?: unknown } = {};
  while (body.status !== 'ready' && Date.now() < deadline) {
    body = (await (await fetch(`${served.base}/readyz`)).json()) as typeof body;
    if (body.status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(body.status).toBe('ready');
  expect(body.pages).toEqual({ parsed: 0, loaded: 0, shared: stats.parseCache.parsed, sharedFailures: 0 });
});
