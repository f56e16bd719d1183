// Runs one index build in its own process, so its wall time and peak RSS are not mixed with the
// harness's (which holds generation buffers and autocannon). Prints one JSON line.
//   node dist-bench/bench/indexChild.js REPO_DIR CACHE_DIR CONTENT_DIR [REDIS_URL]
import { maxRssMB, msSince, openIndex } from './openIndex';

export interface IndexChildResult {
  /** Until refresh() resolves: the new head is served. */
  ms: number;
  /** Until the cache files for the next start (value table, role chains), written after the swap, are on disk. */
  persistedMs: number;
  /** CPU time of this process (user + system), which machine load inflates less than wall time. */
  cpuMs: number;
  maxRssMB: number;
  commitCount: number;
  familyCount: number;
  parsedBlobCount: number;
  /** Pages this process parsed, and parsed pages it read back from the persisted cache. */
  parsedHere: number;
  loadedFromCache: number;
  /** Pages taken from the shared parse cache (with a REDIS_URL), and failed calls to it. */
  sharedFromRedis: number;
  sharedFailures: number;
  head: string | null;
}

async function main(): Promise<void> {
  const [repoDir, cacheDir, contentDir, redisUrl] = process.argv.slice(2);
  if (!repoDir || !cacheDir || !contentDir) throw new Error('usage: indexChild REPO_DIR CACHE_DIR CONTENT_DIR [REDIS_URL]');
  const t0 = process.hrtime.bigint();
  const index = openIndex(repoDir, cacheDir, contentDir, redisUrl);
  await index.indexer.refresh();
  const ms = msSince(t0);
  await index.indexer.persisted();
  const persistedMs = msSince(t0);
  const status = index.indexer.status();
  const blobs = index.indexer.blobStats();
  await index.close();
  const cpu = process.cpuUsage();
  const result: IndexChildResult = {
    ms,
    persistedMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMB: maxRssMB(),
    commitCount: status.commitCount,
    familyCount: status.familyCount,
    parsedBlobCount: status.parsedBlobCount,
    parsedHere: blobs.parsed,
    loadedFromCache: blobs.loaded,
    sharedFromRedis: blobs.shared,
    sharedFailures: blobs.sharedFailures,
    head: status.head?.sha ?? null,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
