// What one kept first-to-last diff holds (issue 15, target 5): opens the index over a warm cache,
// builds both snapshots, then reads the heap after a full GC before and after computing the diff
// and keeping it, and the same again after reading every field change's values (as a query asking
// for `before after added removed` would). The view's own diff cache keeps it, as in the server.
//   node --expose-gc dist-bench/bench/diffHeap.js REPO_DIR CACHE_DIR
import os from 'node:os';
import { git } from './gitProcess';
import { openIndex } from './openIndex';

const MB = (n: number): string => (n / 1048576).toFixed(1);

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const [repoDir, cacheDir] = process.argv.slice(2);
  if (!repoDir || !cacheDir) throw new Error('usage: diffHeap REPO_DIR CACHE_DIR');
  const index = openIndex(repoDir, cacheDir, 'content/job-families');
  await index.indexer.refresh();
  const view = index.indexer.current()!;
  const first = (await git(repoDir, ['rev-list', '--first-parent', '--reverse', 'main'])).trim().split('\n')[0]!;
  const [from, to] = await Promise.all([view.resolveRef(first), view.resolveRef('main')]);
  await Promise.all([view.snapshotAt(from), view.snapshotAt(to)]);
  const before = heapAfterGc();
  const t0 = process.hrtime.bigint();
  const result = await view.diff(from, to);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kept = heapAfterGc();
  let fieldChanges = 0;
  let textBytes = 0;
  for (const change of result.roles) {
    for (const c of change.changes) {
      fieldChanges += 1;
      textBytes += (c.before?.length ?? 0) + (c.after?.length ?? 0) + c.added.join('').length + c.removed.join('').length;
    }
  }
  const afterReading = heapAfterGc();
  process.stdout.write(
    `diff first-to-last: ${result.roles.length} role changes, ${fieldChanges} field changes (${MB(textBytes)} MB of text when read), computed in ${Math.round(ms)} ms; ` +
      `heap kept by the diff ${MB(kept - before)} MB, after reading every value ${MB(afterReading - before)} MB; ` +
      `heap with the index ${MB(before)} MB; load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`,
  );
  await index.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
