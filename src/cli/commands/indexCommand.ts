// `rolegraph index`: builds or updates the cache, then prints what is in it.
import type { Config } from '../../server';
import { openIndex } from './openIndex';

export async function runIndex(config: Config): Promise<number> {
  const started = Date.now();
  const indexer = await openIndex(config, { progress: true });
  try {
    const status = indexer.status();
    const stats = 'blobStats' in indexer ? (indexer as { blobStats(): unknown }).blobStats() : undefined;
    const out = {
      url: status.url,
      branch: status.branch,
      contentDir: status.contentDir,
      head: status.head && { sha: status.head.sha, date: status.head.date, message: status.head.message },
      commits: status.commitCount,
      families: status.familyCount,
      roles: indexer.current()?.head.roles.length ?? 0,
      parsedBlobs: status.parsedBlobCount,
      parseCache: stats,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    await indexer.close();
  }
}
