// Refresh latency after one pushed commit, in its own process: open the index over a warm cache,
// then REPEATS times append a commit to the bare remote and time indexer.refresh() from the moment
// the branch moved until the served view's head is that commit. Prints one JSON line.
//   node dist-bench/bench/refreshChild.js REMOTE_GIT_DIR CACHE_DIR CONTENT_DIR REPEATS
import { appendCommit } from './appendCommit';
import { maxRssMB, msSince, openIndex } from './openIndex';

export interface RefreshChildResult {
  /** Opening the index over the copied cache, before any new commit. */
  openMs: number;
  /** One per appended commit, in order. */
  samplesMs: number[];
  changedRoles: number[];
  maxRssMB: number;
}

async function main(): Promise<void> {
  const [remote, cacheDir, contentDir, repeatsArg] = process.argv.slice(2);
  const repeats = Number(repeatsArg);
  if (!remote || !cacheDir || !contentDir || !Number.isInteger(repeats) || repeats < 1) {
    throw new Error('usage: refreshChild REMOTE_GIT_DIR CACHE_DIR CONTENT_DIR REPEATS');
  }
  const t0 = process.hrtime.bigint();
  const index = openIndex(remote, cacheDir, contentDir);
  await index.indexer.refresh();
  const openMs = msSince(t0);
  const samplesMs: number[] = [];
  const changedRoles: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const sha = await appendCommit(remote, contentDir, i);
    const pushed = process.hrtime.bigint();
    const result = await index.indexer.refresh();
    const ms = msSince(pushed);
    const served = index.indexer.current()?.head.commit.sha;
    if (result.head.sha !== sha || served !== sha) throw new Error(`refresh served ${served ?? 'nothing'}, expected ${sha}`);
    samplesMs.push(ms);
    changedRoles.push(result.changedRoleIds.length);
  }
  await index.close();
  const out: RefreshChildResult = { openMs, samplesMs, changedRoles, maxRssMB: maxRssMB() };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
