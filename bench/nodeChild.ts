// Runs one measurement script (indexChild, refreshChild) in its own Node process, so its wall time
// and peak RSS are its own, and reads the JSON line it prints last. With BENCH_CPU_PROF=DIR set,
// each child also writes a V8 CPU profile under DIR/<label>/ (summarise with bench/cpuProfile.ts).
// Every child runs with the Docker image's heap flags (IMAGE_HEAP_CAP) and malloc setting (IMAGE_ENV), as the server children do:
// the bench measures rolegraph as the image runs it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A child exits with 3 when what it measures does not exist yet (the probe reports "pending"). */
export const EXIT_PENDING = 3;

export type ChildOutcome<T> = { ok: T } | { pending: string };

/** Node flags that make a child write its CPU profile under BENCH_CPU_PROF/<label>/, when set. */
export function profileArgs(label: string): string[] {
  const profDir = process.env.BENCH_CPU_PROF;
  if (!profDir) return [];
  const dir = path.resolve(profDir, label);
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/**
 * The Dockerfile's NODE_OPTIONS (tests/bench/nodeChild.test.ts keeps the two equal). Without an
 * old-space cap V8 sizes the heap from the machine's memory (~4 GB here) and lets it grow up to 4x
 * its live size between major GCs, so a child's peak RSS measures garbage, not what rolegraph
 * keeps: a cold 20k build peaked at 560-635 MB without it, 370-393 MB with it on Node 20. Node 24
 * (V8 13.6) sizes the young generation larger again: 508-515 MB with the old-space cap alone, 432-450
 * with the semi-space cap of Node 20's default (bench/ANALYSIS.md, issue 15 targets 5 and 6).
 */
export const IMAGE_HEAP_CAP = '--max-old-space-size=768 --max-semi-space-size=16';

/**
 * The Dockerfile's other ENV that changes how memory is measured (tests/bench/nodeChild.test.ts keeps
 * them equal): glibc's malloc arenas, bounded, and its trim threshold, fixed (bench/ANALYSIS.md,
 * issue 15 target 6).
 */
export const IMAGE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '4194304' };

/** This process's environment with the image's ENV over it: what every measured child runs with. */
export function imageEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...IMAGE_ENV, ...extra };
}

/**
 * The cap's flags, unless BENCH_HEAP_CAP=off (every child), or BENCH_SERVER_HEAP_CAP=off for the
 * query servers only: to measure what bounds a peak without it.
 */
export function heapCapArgs(kind: 'index' | 'server'): string[] {
  const off = process.env.BENCH_HEAP_CAP === 'off' || (kind === 'server' && process.env.BENCH_SERVER_HEAP_CAP === 'off');
  return off ? [] : IMAGE_HEAP_CAP.split(' ');
}

export function runNodeChild<T>(script: string, args: readonly string[], label: string): Promise<ChildOutcome<T>> {
  const nodeArgs = [...profileArgs(label), ...heapCapArgs('index')];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeArgs, path.join(__dirname, script), ...args], { maxBuffer: 1 << 24, timeout: 30 * 60_000, env: imageEnv() }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null;
      const last = stdout.trim().split('\n').pop() ?? '{}';
      if (code === EXIT_PENDING) return resolve({ pending: (JSON.parse(last) as { pending?: string }).pending ?? 'not available yet' });
      if (err) return reject(new Error(stderr.trim().split('\n').find((l) => l.trim() !== '') ?? err.message));
      resolve({ ok: JSON.parse(last) as T });
    });
  });
}
