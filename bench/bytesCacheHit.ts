// What a response-bytes-cache hit costs over loopback: the shipped sample handbook, one repeated
// query (a 4.5 KB answer; every request after the first is a hit), autocannon at 10 connections.
// Written to weigh moving the cache behind express.json (so the route has one body parser) against
// the node:http listener in front of express that reads and parses the body itself. Measured on
// 2026-12-04, 2 cores shared with other work, same process layout, alternating runs:
//   listener in front of express (kept):      8,000–24,000 req/s, p99 4–15 ms; 0.64 ms/request one at a time
//   behind express.json on /graphql:          1,100–2,600 req/s, p99 27–58 ms; 1.13 ms/request one at a time
//   behind express.json mounted first in app: 1,500–2,000 req/s
// express routing plus body-parser on every hit cost several times what the hit itself costs, so the
// listener keeps its strict-JSON check (~15 lines) for the misses it hands to express.
// Run: npx tsc -p bench/tsconfig.json && node dist-bench/bench/bytesCacheHit.js
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer } from '../src/server/app';
import { CACHE_STATUS_HEADER } from '../src/server/plugins/responseBytesCache';
import { ensureSampleRepo } from '../src/server/sample';
import { loadTest } from './httpLoad';
import { openIndex } from './openIndex';

const QUERY = JSON.stringify({ query: '{ roles(first: 50) { totalCount edges { node { id title grade } } } }' });

async function main(): Promise<void> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-bench-hit-'));
  try {
    // The shipped sample, read from the source tree (dist-bench/ holds no copy of it).
    const repo = await ensureSampleRepo(cacheDir, { sourceDir: path.resolve(__dirname, '..', '..', 'sample') });
    const index = openIndex(repo, cacheDir, 'content/job-families');
    await index.indexer.refresh();
    const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries: 1000 };
    const server = await createServer({ config, indexer: index.indexer, logger: pino({ level: 'silent' }) });
    const url = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}/graphql`;
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
    const first = await post();
    const answerBytes = (await first.arrayBuffer()).byteLength;
    const second = await post();
    await second.arrayBuffer();
    if (first.status !== 200 || second.headers.get(CACHE_STATUS_HEADER) !== 'hit') throw new Error('the query was not cached');
    await loadTest(url, { body: QUERY, durationSec: 2 }); // warm-up
    const result = await loadTest(url, { body: QUERY, durationSec: Number(process.env.BENCH_SECONDS ?? 5) });
    console.log(JSON.stringify({ answerBytes, ...result }));
    await server.close();
    await index.close();
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
