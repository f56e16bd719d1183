// The index as the server builds it, through the same composition root (server/compose.ts) that
// `rolegraph serve` and the CLI use. The bench children share this so the cold build, the warm
// restart, the refresh probe and the query server all measure the same code path.
import type { IndexerWithStats } from '../src/index';
import { createIndexerFor, createLogger, loadConfig } from '../src/server';

export interface OpenIndex {
  indexer: IndexerWithStats;
  close(): Promise<void>;
}

/** With `redisUrl`, parsed pages are shared through Redis, as `serve --redis-url` does. */
export function openIndex(remote: string, cacheDir: string, contentDir: string, redisUrl?: string): OpenIndex {
  const config = loadConfig({ repo: remote, branch: 'main', cacheDir, contentDir, redisUrl }, {});
  const indexer = createIndexerFor(config, remote, createLogger('silent'));
  return { indexer, close: () => indexer.close() };
}

/** Peak resident set of this process so far, in MB. */
export const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
