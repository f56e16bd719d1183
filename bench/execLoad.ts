// The uncached rows of the throughput probe, alone and quickly: the query server over an existing
// index cache, each named operation loaded against the uncached server, then the pipeline floor
// and a bare node:http server answering the same bytes. For before/after measurements of the
// execution path without the whole bench (the cold build must have left its cache).
//   node dist-bench/bench/execLoad.js REPO_DIR CACHE_DIR [SECONDS] [OPERATION...]
// With EXEC_PROF=DIR the server process writes one CPU profile per uncached load, DIR/<operation>.cpuprofile.
import os from 'node:os';
import path from 'node:path';
import { loadTest } from './httpLoad';
import { OPERATIONS, operationVariables, post, ServerChild, type OperationName } from './throughputProbe';

async function main(): Promise<void> {
  const [repoDir, cacheDir, seconds, ...names] = process.argv.slice(2);
  if (!repoDir || !cacheDir) throw new Error('usage: execLoad REPO_DIR CACHE_DIR [SECONDS] [OPERATION...]');
  const ops = (names.length > 0 ? names : ['roleLookup', 'rolePage50', 'roleHistory', 'pipelineFloor']) as OperationName[];
  const durationSec = Number(seconds ?? 5);
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  process.stdout.write(`load at start ${load()}\n`);
  const child = ServerChild.start(repoDir, cacheDir, 'content/job-families', 'exec-server');
  try {
    const ready = await child.next('ready');
    const { variables } = await operationVariables(ready.uncached, repoDir);
    const opts = { durationSec, connections: 10 };
    const warmup = JSON.stringify({ query: OPERATIONS.roleLookup, variables: variables.roleLookup });
    await loadTest(ready.uncached, { ...opts, durationSec: 1, body: warmup });
    const rps: Partial<Record<OperationName, number>> = {};
    for (const name of ops) {
      const request = JSON.stringify({ query: OPERATIONS[name], variables: variables[name] });
      const bytes = await post(ready.uncached, request);
      const profile = process.env.EXEC_PROF ? path.resolve(process.env.EXEC_PROF, `${name}.cpuprofile`) : null;
      if (profile) await child.profile(profile);
      const uncached = await loadTest(ready.uncached, { ...opts, body: request });
      if (profile) await child.profile(profile);
      await post(ready.uncached, request);
      const bare = await loadTest(await child.bare(bytes), { ...opts, body: request });
      rps[name] = uncached.requestsPerSec;
      process.stdout.write(`${name}: uncached ${uncached.requestsPerSec.toFixed(0)} req/s (p50 ${uncached.latencyP50Ms} ms), bare ${bare.requestsPerSec.toFixed(0)}, ${Math.round((100 * uncached.requestsPerSec) / bare.requestsPerSec)}% of bare, errors ${uncached.errors + uncached.non2xx}\n`);
    }
    const floor = rps.pipelineFloor;
    if (floor) for (const name of ops) if (name !== 'pipelineFloor') process.stdout.write(`${name}: ${Math.round((100 * rps[name]!) / floor)}% of the pipeline floor\n`);
    process.stdout.write(`server max RSS ${Math.round(await child.maxRssMB())} MB; load at end ${load()}\n`);
  } finally {
    await child.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
