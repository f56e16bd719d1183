// The GraphQL fast lane against express's route, side by side: one server process (ServerChild)
// serves the same index uncached twice, with the fast lane and without it, and a bare node:http
// server answering the same bytes. Each operation is loaded through all three in turn, several
// rounds, so a shared machine's load drifts over all three alike; the ratios of each round are
// printed, then their medians.
//   node dist-bench/bench/fastLaneLoad.js REPO_DIR CACHE_DIR [SECONDS] [ROUNDS] [OPERATION...]
import os from 'node:os';
import { loadTest } from './httpLoad';
import { OPERATIONS, operationVariables, post, ServerChild, type OperationName } from './throughputProbe';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const [repoDir, cacheDir, seconds, rounds, ...names] = process.argv.slice(2);
  if (!repoDir || !cacheDir) throw new Error('usage: fastLaneLoad REPO_DIR CACHE_DIR [SECONDS] [ROUNDS] [OPERATION...]');
  const ops = (names.length > 0 ? names : ['pipelineFloor', 'roleLookup', 'rolePage50']) as OperationName[];
  const opts = { durationSec: Number(seconds ?? 3), connections: 10 };
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  process.stdout.write(`load at start ${load()}\n`);
  const child = ServerChild.start(repoDir, cacheDir, 'content/job-families', 'fast-lane-server');
  try {
    const ready = await child.next('ready');
    const { variables } = await operationVariables(ready.uncached, repoDir);
    for (const name of ops) {
      const request = JSON.stringify({ query: OPERATIONS[name], variables: variables[name] });
      const bytes = await post(ready.uncached, request);
      const viaExpress = await post(ready.uncachedExpress, request);
      if (!bytes.equals(viaExpress)) throw new Error(`${name}: the two routes answered different bytes`);
      const bare = await child.bare(bytes);
      for (const url of [ready.uncached, ready.uncachedExpress, bare]) await loadTest(url, { ...opts, durationSec: 1, body: request });
      const fastVsBare: number[] = [];
      const expressVsBare: number[] = [];
      const fastVsExpress: number[] = [];
      for (let round = 0; round < Number(rounds ?? 3); round += 1) {
        const fast = (await loadTest(ready.uncached, { ...opts, body: request })).requestsPerSec;
        const viaRouter = (await loadTest(ready.uncachedExpress, { ...opts, body: request })).requestsPerSec;
        const plain = (await loadTest(bare, { ...opts, body: request })).requestsPerSec;
        fastVsBare.push(fast / plain);
        expressVsBare.push(viaRouter / plain);
        fastVsExpress.push(fast / viaRouter);
        process.stdout.write(`${name} round ${round + 1}: fast lane ${fast.toFixed(0)}, express ${viaRouter.toFixed(0)}, bare ${plain.toFixed(0)} req/s (load ${load()})\n`);
      }
      const pct = (x: number): string => `${Math.round(100 * x)}%`;
      process.stdout.write(`${name} medians: fast lane ${pct(median(fastVsBare))} of bare, express ${pct(median(expressVsBare))} of bare, fast lane / express ×${median(fastVsExpress).toFixed(2)}\n`);
    }
    process.stdout.write(`load at end ${load()}\n`);
  } finally {
    await child.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
