// Child program for cacheFaults.test.ts: indexes REPO into CACHE with the real indexer, printing
// each progress step, so the parent can kill it while it is writing the cache.
//   node -r ./transpileRegister.js indexChild.ts REPO CACHE
import { createGitSource } from '../../src/git';
import { createIndexer } from '../../src/index';

async function main(): Promise<void> {
  const [repo, cacheDir] = process.argv.slice(2);
  const source = createGitSource({ remote: repo, branch: 'main', cacheDir });
  const indexer = createIndexer({
    source,
    url: repo,
    branch: 'main',
    contentDir: 'content/job-families',
    cacheDir,
    onProgress: (p) => process.stdout.write(`${p.stage} ${p.done}/${p.total}\n`),
  });
  await indexer.refresh();
  process.stdout.write('done\n');
  await indexer.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
