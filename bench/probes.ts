// Extension points of the benchmark: each probe takes a generated repository and returns one
// measurement. Those that need the index or the server return `pending` until those exist; fill
// one in by replacing its `run` — the harness, report and JSON already carry its result.
import type { GitFloor } from './floor';
import type { LoadResult } from './httpLoad';
import { coldIndex, peakRss, warmRestart } from './indexProbes';

export interface ScenarioSpec {
  name: string;
  seed: number;
  families: number;
  commits: number;
}

export interface ProbeContext {
  scenario: ScenarioSpec;
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
      /** For throughput: the same load against a bare node:http server serving the same bytes. */
      baseline?: LoadResult;
      detail?: Record<string, number | string>;
    };

export interface Probe {
  key: string;
  label: string;
  run(ctx: ProbeContext): Promise<ProbeOutcome>;
}

const pending = (reason: string) => async (): Promise<ProbeOutcome> => ({ status: 'pending', reason });

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
    // TODO(index): index repoDir, then make the next commit appear: generateHandbook() the same
    // seed with commits + 1 into scratchDir (its history extends this one exactly) and fetch or
    // push its main into the indexed remote; time refresh() until the view's head is the new commit.
    run: pending('needs createIndexer from src/index'),
  },
  {
    key: 'queryThroughput',
    label: 'Query throughput (autocannon) vs bare node:http',
    // TODO(server): start the server on 127.0.0.1:0 over an indexed scenario, POST one typical
    // query (roles with grades, one family with its ladder), loadTest() it, then
    // measureBareHttp(<the exact response bytes>, <the same request>) for the baseline.
    run: pending('needs the server from src/server'),
  },
  {
    key: 'peakRss',
    label: 'Peak RSS while indexing',
    // maxRSS of the index builds' child processes.
    run: peakRss,
  },
];
