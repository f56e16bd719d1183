// Extension points of the benchmark: each probe takes a generated repository and returns one
// measurement. Those that need the index or the server return `pending` until those exist; fill
// one in by replacing its `run` — the harness, report and JSON already carry its result.
import type { GitFloor } from './floor';
import type { LoadResult } from './httpLoad';
import { diffConcurrency } from './diffConcurrencyProbe';
import { coldIndex, peakRss, warmRestart } from './indexProbes';
import { sharedCacheJoin } from './joinProbe';
import { refreshAfterCommit } from './refreshProbe';
import { queryThroughput } from './throughputProbe';

export interface ScenarioSpec {
  name: string;
  seed: number;
  families: number;
  commits: number;
}

export interface ProbeContext {
  scenario: ScenarioSpec;
  /** --quick: fewer repetitions and shorter load, so the whole run stays under a minute. */
  quick: boolean;
  /** The generated repository (non-bare, nothing checked out); clone or read it, never modify it. */
  repoDir: string;
  contentDir: string;
  /** An empty folder of this probe's own (cache dirs, clones to add commits to). */
  scratchDir: string;
  /** A folder shared by the scenario's probes (coldIndex leaves its cache there for warmRestart). */
  scenarioScratch: string;
  /** Outcomes of the probes that ran before this one, in PROBES order. */
  previous: Readonly<Record<string, ProbeOutcome>>;
  /** The git floor measured on the same repository in the same run. */
  floor: GitFloor;
}

export type ProbeOutcome =
  | { status: 'pending'; reason: string }
  | { status: 'failed'; error: string }
  | {
      status: 'measured';
      /** The headline number and its unit (`ms`, `req/s`, `MB`). */
      value: number;
      unit: string;
      /** value ÷ floor.ms, for time probes. */
      ratioToFloor?: number;
      /** A probe's own git-only baseline in ms, measured in the same run (refresh: fetch + diff-tree). */
      baselineMs?: number;
      /** For throughput: the same load against a bare node:http server serving the same bytes. */
      baseline?: LoadResult;
      detail?: Record<string, number | string>;
    };

export interface Probe {
  key: string;
  label: string;
  run(ctx: ProbeContext): Promise<ProbeOutcome>;
}

export const PROBES: readonly Probe[] = [
  {
    key: 'coldIndex',
    label: 'Cold index time',
    // In a child process: createGitSource + createIndexer over an empty cache, refresh() once.
    run: coldIndex,
  },
  {
    key: 'warmRestart',
    label: 'Warm restart time',
    // A new process over coldIndex's cache folder (persisted blob cache, nothing new to fetch).
    run: warmRestart,
  },
  {
    key: 'refreshAfterCommit',
    label: 'Refresh latency after one commit',
    // A bare copy of the repository as the remote, a copy of the cold cache; append a commit with
    // plumbing and time refresh() until the served head is that commit (median of several).
    run: refreshAfterCommit,
  },
  {
    key: 'queryThroughput',
    label: 'Query throughput (autocannon) vs bare node:http',
    // createServer over the warm cache, with and without the response cache, and a bare
    // node:http server answering the same bytes: role lookup, 50-role page, history, diff.
    run: queryThroughput,
  },
  {
    key: 'diffConcurrency',
    label: 'Server peak RSS under 10 concurrent diffs',
    // A fresh server per case: 10 clients sending the same uncached first-to-last diff, then 10
    // sending each its own; the larger peak RSS of the two (both in the details).
    run: diffConcurrency,
  },
  {
    key: 'sharedCacheJoin',
    label: 'Replica join time with the shared parse cache (Redis), vs cold index',
    // A redis-server of its own; a child indexes cold with Redis (filling it), then a second child
    // with an empty cache folder joins through it. Ratio against the same run's coldIndex.
    run: sharedCacheJoin,
  },
  {
    key: 'peakRss',
    label: 'Peak RSS while indexing',
    // maxRSS of the index builds' child processes.
    run: peakRss,
  },
];
