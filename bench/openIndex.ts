// The index as the server builds it: a git source over a cache folder and the indexer on top. The
// bench children share this so the cold build, the warm restart, the refresh probe and the query
// server all measure the same code path.
import { createGitSource } from '../src/git/gitSource';
import type { GitSource } from '../src/git/types';
import { createIndexer, type IndexerWithStats } from '../src/index';

export interface OpenIndex {
  source: GitSource;
  indexer: IndexerWithStats;
  close(): Promise<void>;
}

export function openIndex(remote: string, cacheDir: string, contentDir: string): OpenIndex {
  const source = createGitSource({ remote, branch: 'main', cacheDir });
  const indexer = createIndexer({ source, url: remote, branch: 'main', contentDir, cacheDir });
  return {
    source,
    indexer,
    async close() {
      await indexer.close();
      await source.close().catch(() => undefined); // the indexer may already have closed it
    },
  };
}

/** Peak resident set of this process so far, in MB. */
export const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
