// Runs one index build in its own process, so its wall time and peak RSS are not mixed with the
// harness's (which holds generation buffers and autocannon). Prints one JSON line.
//   node dist-bench/bench/indexChild.js REPO_DIR CACHE_DIR CONTENT_DIR
// Exit 3 means the index layer does not export createIndexer yet (the probe reports "pending").
import type { GitSource } from '../src/git/types';
import type { Indexer } from '../src/index/types';
import { createGitSource } from '../src/git/gitSource';

export interface IndexChildResult {
  ms: number;
  maxRssMB: number;
  commitCount: number;
  familyCount: number;
  parsedBlobCount: number;
  head: string | null;
}

/** The factory as tests/graphql use it; loaded at run time so the bench builds before it lands. */
type CreateIndexer = (opts: { source: GitSource; url: string; branch: string; contentDir: string; cacheDir: string }) => Indexer;

function loadCreateIndexer(): CreateIndexer | null {
  try {
    const mod = require('../src/index') as { createIndexer?: CreateIndexer };
    return typeof mod.createIndexer === 'function' ? mod.createIndexer : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const [repoDir, cacheDir, contentDir] = process.argv.slice(2);
  if (!repoDir || !cacheDir || !contentDir) throw new Error('usage: indexChild REPO_DIR CACHE_DIR CONTENT_DIR');
  const createIndexer = loadCreateIndexer();
  if (!createIndexer) {
    process.stdout.write('{"pending":"needs createIndexer from src/index"}\n');
    process.exit(3);
  }
  const t0 = process.hrtime.bigint();
  const source = createGitSource({ remote: repoDir, branch: 'main', cacheDir });
  const indexer = createIndexer({ source, url: repoDir, branch: 'main', contentDir, cacheDir });
  await indexer.refresh();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const status = indexer.status();
  await indexer.close();
  await source.close().catch(() => undefined); // the indexer may already have closed it
  const result: IndexChildResult = {
    ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    commitCount: status.commitCount,
    familyCount: status.familyCount,
    parsedBlobCount: status.parsedBlobCount,
    head: status.head?.sha ?? null,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
