// The benchmark harness: generate (or reuse) seeded handbook repositories at 1k, 5k and 20k
// commits under bench/work/, measure the git floor of each, run every probe, and write
// bench/RESULTS.md and bench/results.json.
//   npm run bench                 full run (1500 families; 1k, 5k, 20k commits)
//   npm run bench -- --quick      300 families, 1k commits, well under a minute
//   --fresh                       regenerate repositories even when a matching one exists
//   --render                      only rewrite RESULTS.md from results.json (after editing ANALYSIS.md)
//   --scenarios 5k,20k            only these scenarios (a partial run)
//   --probes coldIndex,warmRestart  only these probes (a partial run; a probe needing an earlier one
//                                 reports pending without it)
//   A partial run writes bench/work/partial/RESULTS.md and results.json, never bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureGitFloor, measureParserFloor, type GitFloor } from './floor';
import { generateHandbook } from './generate';
import { benchGitEnv } from './gitProcess';
import { PROBES, type ProbeOutcome, type ScenarioSpec } from './probes';
import { renderResults, type RunResults, type ScenarioResult } from './report';
import { repoBytes } from './repoSize';

const CONTENT_DIR = 'content/job-families';
/** bench/ in the source tree, whether running from bench/ or dist-bench/bench/. */
const BENCH_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist-bench${path.sep}`) ? '../../bench' : '.');
const WORK_DIR = path.join(BENCH_DIR, 'work');
/** Written beside a generated repository so a later run with the same options can reuse it. */
const STAMP = 'rolegraph-bench.json';

const FULL: readonly ScenarioSpec[] = [
  { name: '1k', seed: 1, families: 1500, commits: 1000 },
  { name: '5k', seed: 1, families: 1500, commits: 5000 },
  { name: '20k', seed: 1, families: 1500, commits: 20000 },
];
const QUICK: readonly ScenarioSpec[] = [{ name: 'quick-1k', seed: 1, families: 300, commits: 1000 }];

interface Stamp {
  spec: ScenarioSpec;
  head: string;
  totalCommits: number;
  merges: number;
  files: number;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function ensureRepo(spec: ScenarioSpec, fresh: boolean): Promise<{ dir: string; stamp: Stamp; generateMs: number | null }> {
  const dir = path.join(WORK_DIR, spec.name);
  const stampFile = path.join(WORK_DIR, `${spec.name}.${STAMP}`);
  if (!fresh && fs.existsSync(stampFile)) {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Stamp;
    if (JSON.stringify(stamp.spec) === JSON.stringify(spec) && fs.existsSync(dir)) return { dir, stamp, generateMs: null };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(stampFile, { force: true });
  log(`generating ${spec.name}: ${spec.families} families, ${spec.commits} commits`);
  const t0 = process.hrtime.bigint();
  const r = await generateHandbook({ dest: dir, seed: spec.seed, families: spec.families, commits: spec.commits, contentDir: CONTENT_DIR });
  const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const stamp: Stamp = { spec, head: r.head, totalCommits: r.totalCommits, merges: r.merges, files: r.files };
  fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  return { dir, stamp, generateMs };
}

/** Median of a few runs: the first run pays for a cold page cache, the median is what a restart sees. */
async function floorMedian(dir: string, runs: number): Promise<{ floor: GitFloor; runs: number[] }> {
  const all: GitFloor[] = [];
  for (let i = 0; i < runs; i += 1) all.push(await measureGitFloor(dir, CONTENT_DIR));
  const sorted = [...all].sort((a, b) => a.ms - b.ms);
  return { floor: sorted[Math.floor(sorted.length / 2)]!, runs: all.map((f) => Math.round(f.ms)) };
}

async function runProbes(spec: ScenarioSpec, repoDir: string, floor: GitFloor, quick: boolean, only: ReadonlySet<string> | null): Promise<Record<string, ProbeOutcome>> {
  const out: Record<string, ProbeOutcome> = {};
  for (const probe of PROBES) {
    if (only && !only.has(probe.key)) continue;
    const scratchDir = path.join(WORK_DIR, 'scratch', spec.name, `probe-${probe.key}`);
    fs.rmSync(scratchDir, { recursive: true, force: true });
    fs.mkdirSync(scratchDir, { recursive: true });
    try {
      const scenarioScratch = path.join(WORK_DIR, 'scratch', spec.name);
      out[probe.key] = await probe.run({ scenario: spec, quick, repoDir, contentDir: CONTENT_DIR, scratchDir, scenarioScratch, floor, previous: { ...out } });
    } catch (err) {
      out[probe.key] = { status: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
    log(`${spec.name} ${probe.key}: ${out[probe.key]!.status}`);
  }
  return out;
}

function machine(): RunResults['machine'] {
  const cpus = os.cpus();
  const gitVersion = execFileSync('git', ['--version'], { env: benchGitEnv(), encoding: 'utf8' }).trim();
  return { node: process.version, git: gitVersion, platform: `${os.platform()} ${os.release()}`, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown' };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      render: { type: 'boolean', default: false },
      scenarios: { type: 'string' },
      probes: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.render) {
    const previous = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'results.json'), 'utf8')) as RunResults;
    writeResults({ ...previous, analysis: readAnalysis() });
    return;
  }
  const quick = values.quick ?? false;
  const onlyScenarios = listOption(values.scenarios);
  const onlyProbes = listOption(values.probes);
  const scenarios = (quick ? QUICK : FULL).filter((s) => !onlyScenarios || onlyScenarios.has(s.name));
  const partial = onlyScenarios !== null || onlyProbes !== null;
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const loadAtStart = os.loadavg();
  const results: ScenarioResult[] = [];
  for (const spec of scenarios) {
    const { dir, stamp, generateMs } = await ensureRepo(spec, values.fresh ?? false);
    const { floor, runs } = await floorMedian(dir, 3);
    const parserFloor = await measureParserFloor(dir, CONTENT_DIR);
    log(`${spec.name}: floor ${Math.round(floor.ms)} ms (runs ${runs.join(', ')}); floor + markdown-it ${Math.round(parserFloor.ms)} ms; load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
    const probes = await runProbes(spec, dir, floor, quick, onlyProbes);
    results.push({ spec, head: stamp.head, totalCommits: stamp.totalCommits, merges: stamp.merges, files: stamp.files, generateMs, repoBytes: repoBytes(dir), floor, floorRuns: runs, parserFloor, probes });
  }
  const run: RunResults = {
    generatedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: machine(),
    scenarios: results,
    probeLabels: Object.fromEntries(PROBES.filter((p) => !onlyProbes || onlyProbes.has(p.key)).map((p) => [p.key, p.label])),
    load: { start: loadAtStart, end: os.loadavg() },
    analysis: readAnalysis(),
  };
  writeResults(run, partial ? path.join(WORK_DIR, 'partial') : BENCH_DIR);
}

const USAGE = [
  'npm run bench [-- options]',
  '  --quick                 300 families, 1k commits',
  '  --fresh                 regenerate repositories',
  '  --render                rewrite RESULTS.md from results.json',
  '  --scenarios 5k,20k      only these scenarios',
  `  --probes a,b            only these probes (${PROBES.map((p) => p.key).join(', ')})`,
  'A partial run (--scenarios or --probes) writes bench/work/partial/, not bench/RESULTS.md.',
].join('\n');

/** A comma-separated option as a set, or null when absent. */
function listOption(value: string | undefined): Set<string> | null {
  return value ? new Set(value.split(',').map((v) => v.trim()).filter(Boolean)) : null;
}

/** The hand-written analysis of the last full run, if any. */
function readAnalysis(): string | undefined {
  const file = path.join(BENCH_DIR, 'ANALYSIS.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function writeResults(run: RunResults, outDir: string = BENCH_DIR): void {
  const { analysis, ...data } = run;
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(data, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'RESULTS.md'), renderResults({ ...data, analysis: outDir === BENCH_DIR ? analysis : undefined }));
  log(`wrote ${path.join(outDir, 'RESULTS.md')}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
