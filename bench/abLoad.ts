// The uncached rows of execLoad for two builds at once, interleaved: both query servers run side by
// side over the same index cache, and each operation (and the pipeline floor) is loaded against
// one build, then the other, in short alternating slices. On a machine shared with other work the
// load moves within seconds, so a before/after taken as two execLoad runs a minute apart measures
// the machine as much as the change; slices seconds apart see the same machine. Prints, per
// operation, the median req/s of each build, new/old, and each build's % of its own floor; and the
// server process's own CPU time per request (utime + stime from /proc over the slice), which moves
// far less with the machine's load than req/s does.
//   [AB_JIT=old|new] node dist-bench/bench/abLoad.js OLD_ROOT REPO_DIR CACHE_DIR OLD_CACHE_DIR [SECONDS_PER_SLICE] [ROUNDS] [OPERATION...]
// OLD_ROOT is the other build's checkout (its dist-bench/ built); this build is "new". OLD_CACHE_DIR
// is a copy of CACHE_DIR: two servers opening one cache at once wait on each other's git fetch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTest } from './httpLoad';
import * as thisBuild from './throughputProbe';
import type { OperationName } from './throughputProbe';

type Probe = typeof thisBuild;

/** A process's user + system CPU time so far in µs, from /proc/PID/stat (clock ticks of 10 ms). */
function cpuUs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) * (1e6 / 100);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const [oldRoot, repoDir, cacheDir, oldCacheDir, seconds, rounds, ...names] = process.argv.slice(2);
  if (!oldRoot || !repoDir || !cacheDir || !oldCacheDir) throw new Error('usage: abLoad OLD_ROOT REPO_DIR CACHE_DIR OLD_CACHE_DIR [SECONDS_PER_SLICE] [ROUNDS] [OPERATION...]');
  // The other build is a path given at run time, so it is required, not imported.
  const oldBuild = require(path.resolve(oldRoot, 'dist-bench', 'bench', 'throughputProbe.js')) as Probe;
  const ops = (names.length > 0 ? names : ['roleLookup', 'rolePage50', 'roleHistory']).filter((name) => name !== 'pipelineFloor') as OperationName[];
  const slice = { durationSec: Number(seconds ?? 2), connections: 10 };
  const n = Number(rounds ?? 4);
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  process.stdout.write(`load at start ${load()}\n`);
  // AB_JIT=old|new turns graphql-jit on (ROLEGRAPH_JIT=1) in that side's server only, so one build
  // can be measured against itself with jit on and off; unset, both inherit ROLEGRAPH_JIT as it is.
  const startSide = (side: 'old' | 'new', build: Probe, cache: string): thisBuild.ServerChild => {
    const inherited = process.env.ROLEGRAPH_JIT;
    if (process.env.AB_JIT) process.env.ROLEGRAPH_JIT = process.env.AB_JIT === side ? '1' : '0';
    try {
      return build.ServerChild.start(repoDir, cache, 'content/job-families', `ab-${side}`) as thisBuild.ServerChild;
    } finally {
      if (inherited === undefined) delete process.env.ROLEGRAPH_JIT;
      else process.env.ROLEGRAPH_JIT = inherited;
    }
  };
  const children = { old: startSide('old', oldBuild, oldCacheDir), new: startSide('new', thisBuild, cacheDir) };
  try {
    // Both waiters at once: ServerChild drops a message nobody waits for, so awaiting old's 'ready'
    // first lost new's whenever new opened first, and the run hung at startup (seen at 20k).
    const [oldReady, newReady] = await Promise.all([children.old.next('ready'), children.new.next('ready')]);
    const urls = { old: oldReady.uncached, new: newReady.uncached };
    const { variables } = await thisBuild.operationVariables(urls.new, repoDir);
    const bodyOf = (name: OperationName): string => JSON.stringify({ query: thisBuild.OPERATIONS[name], variables: variables[name] });
    // The same answer from both builds, byte for byte, before anything is timed; then a JIT warm-up.
    for (const name of ops) {
      if (!(await thisBuild.post(urls.old, bodyOf(name))).equals(await thisBuild.post(urls.new, bodyOf(name)))) throw new Error(`${name}: the two builds answer different bytes`);
    }
    for (const side of ['old', 'new'] as const) {
      for (const name of [...ops, 'pipelineFloor' as const]) await loadTest(urls[side], { ...slice, durationSec: 1, body: bodyOf(name) });
    }
    // Builds before ServerChild had a `pid` getter keep the process in the same (private) field.
    const pidOf = (c: thisBuild.ServerChild): number => (c.pid ?? (c as unknown as { child: { pid: number } }).child.pid);
    const pids = { old: pidOf(children.old as unknown as thisBuild.ServerChild), new: pidOf(children.new) };
    const rps: Record<string, { old: number[]; new: number[] }> = {};
    const cpuPerRequest: Record<string, { old: number[]; new: number[] }> = {};
    for (let round = 0; round < n; round += 1) {
      for (const name of [...ops, 'pipelineFloor' as const]) {
        const order = round % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
        for (const side of order) {
          const cpu0 = cpuUs(pids[side]);
          const r = await loadTest(urls[side], { ...slice, body: bodyOf(name) });
          const cpu = cpuUs(pids[side]) - cpu0;
          if (r.errors + r.non2xx > 0) throw new Error(`${name} ${side}: ${r.errors} errors, ${r.non2xx} non-2xx`);
          (rps[name] ??= { old: [], new: [] })[side].push(r.requestsPerSec);
          (cpuPerRequest[name] ??= { old: [], new: [] })[side].push(cpu / (r.requestsPerSec * slice.durationSec));
          // Work off the requests still in flight before the next slice.
          await thisBuild.post(urls[side], bodyOf(name));
        }
      }
      process.stdout.write(`round ${round + 1} done, load ${load()}\n`);
    }
    const floor = rps.pipelineFloor!;
    for (const name of [...ops, 'pipelineFloor' as const]) {
      const r = rps[name]!;
      const [o, w] = [median(r.old), median(r.new)];
      const share = (side: 'old' | 'new'): string => (name === 'pipelineFloor' ? '' : `, ${Math.round((100 * median(r[side])) / median(floor[side]))}% of its floor`);
      process.stdout.write(`${name}: old ${o.toFixed(0)} req/s${share('old')}; new ${w.toFixed(0)} req/s${share('new')}; new/old ×${(w / o).toFixed(2)} (slices: old ${r.old.map((x) => x.toFixed(0)).join(' ')} | new ${r.new.map((x) => x.toFixed(0)).join(' ')})\n`);
      const c = cpuPerRequest[name]!;
      const [co, cw] = [median(c.old), median(c.new)];
      process.stdout.write(`${name}: server CPU per request, old ${co.toFixed(0)} µs, new ${cw.toFixed(0)} µs, new/old ×${(cw / co).toFixed(2)}\n`);
    }
    process.stdout.write(`load at end ${load()}\n`);
  } finally {
    await Promise.all([children.old.stop(), children.new.stop()]);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
