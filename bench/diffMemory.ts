// Where the memory of concurrent uncached diffs goes (issue 15, target 5), in one process so the heap
// can be read: the query server without the answer cache, 10 loops each POSTing a first-to-last diff
// for a few seconds, process.memoryUsage() sampled every 20 ms; then a forced full GC shows what stays
// (the index's caches) apart from what was garbage waiting for a major GC. The load generator shares
// the process, so its response buffers count too: use diffConcurrencyProbe for the server's own peak.
// Run: node --expose-gc dist-bench/bench/diffMemory.js REPO_DIR CACHE_DIR identical|distinct [SECONDS]
import os from 'node:os';
import pino from 'pino';
import { createServer } from '../src/server/app';
import { DIFF_CLIENTS } from './diffConcurrencyProbe';
import { git } from './gitProcess';
import { openIndex } from './openIndex';
import { OPERATIONS, post } from './throughputProbe';

const MB = (n: number): number => Math.round(n / 1048576);

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

async function main(): Promise<void> {
  const [repoDir, cacheDir, kind, seconds] = process.argv.slice(2);
  if (!repoDir || !cacheDir || (kind !== 'identical' && kind !== 'distinct')) throw new Error('usage: diffMemory REPO_DIR CACHE_DIR identical|distinct [SECONDS]');
  const index = openIndex(repoDir, cacheDir, 'content/job-families');
  await index.indexer.refresh();
  const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries: 0 };
  const server = await createServer({ config, indexer: index.indexer, logger: pino({ level: 'silent' }) });
  const address = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const oldest = (await git(repoDir, ['rev-list', '--first-parent', '--reverse', 'main'])).trim().split('\n').slice(0, DIFF_CLIENTS);
  const bodies = oldest.map((sha, i) => JSON.stringify({ query: OPERATIONS.diffFirstToLast, variables: { from: kind === 'distinct' ? sha : oldest[0], to: 'main' } }));
  fullGc();
  const open = process.memoryUsage();
  const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peak) as Array<keyof typeof peak>) peak[k] = Math.max(peak[k], m[k]);
  }, 20);
  const end = Date.now() + Number(seconds ?? 5) * 1000;
  let answers = 0;
  const bytes = (await post(url, bodies[0]!)).length;
  process.stdout.write(`one answer: ${MB(bytes * 10) / 10} MB of JSON\n`);
  fullGc();
  await Promise.all(
    bodies.map(async (body) => {
      do {
        await post(url, body);
        answers += 1;
      } while (Date.now() < end);
    }),
  );
  clearInterval(sampler);
  fullGc();
  const after = process.memoryUsage();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  process.stdout.write(
    `${kind}: answers ${answers}; after open+GC heapUsed ${MB(open.heapUsed)} rss ${MB(open.rss)}; ` +
      `peak rss ${MB(peak.rss)} heapUsed ${MB(peak.heapUsed)} heapTotal ${MB(peak.heapTotal)} external ${MB(peak.external)}; ` +
      `after load+GC heapUsed ${MB(after.heapUsed)} rss ${MB(after.rss)}; load ${load}\n`,
  );
  await server.close();
  await index.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
