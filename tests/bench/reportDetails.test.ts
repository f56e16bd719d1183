import type { RunResults } from '../../bench/report';
import { renderDetails } from '../../bench/reportDetails';

const bare = { requestsPerSec: 20000, latencyP50Ms: 0, latencyP99Ms: 1, errors: 0, non2xx: 0 };

function run(): RunResults {
  return {
    generatedAt: '2026-01-01T00:00:00.000Z',
    mode: 'full',
    machine: { node: 'v20', git: 'git 2.39', platform: 'linux', cpus: 2, cpuModel: 'EPYC' },
    probeLabels: {},
    load: { start: [1, 2, 3], end: [4.5, 5, 6] },
    scenarios: [
      {
        spec: { name: '20k', seed: 1, families: 1500, commits: 20000 },
        head: 'abc',
        totalCommits: 20780,
        merges: 388,
        files: 1583,
        generateMs: null,
        repoBytes: 1,
        floor: { ms: 3000, logMs: 1000, catMs: 2000, commits: 1, blobs: 1, bytes: 1 },
        floorRuns: [3000],
        probes: {
          coldIndex: {
            status: 'measured',
            value: 60000,
            unit: 'ms',
            ratioToFloor: 20,
            detail: { maxRssMB: 700, commits: 20000, families: 1583, parsedHere: 38175, loadedFromCache: 0, runsMs: '61000 60000 75000', runsPersistedMs: '62000 61500 76000', runsMaxRssMB: '690 700 650' },
          },
          warmRestart: { status: 'measured', value: 3000, unit: 'ms', ratioToFloor: 1 },
          refreshAfterCommit: { status: 'measured', value: 250, unit: 'ms', baselineMs: 50 },
          queryThroughput: {
            status: 'measured',
            value: 12000,
            unit: 'req/s',
            baseline: bare,
            detail: { 'roleLookup.bytes': 1835, 'roleLookup.cached.rps': 12000, 'roleLookup.cached.p50ms': 1, 'roleLookup.cached.p99ms': 3, 'roleLookup.uncached.rps': 1000, 'roleLookup.uncached.p50ms': 9, 'roleLookup.uncached.p99ms': 20, 'roleLookup.bare.rps': 20000, 'roleLookup.bare.p50ms': 0, 'roleLookup.bare.p99ms': 1, 'roleLookup.cachedVsBare': 0.6, 'roleLookup.uncachedVsBare': 0.05 },
          },
          peakRss: { status: 'measured', value: 700, unit: 'MB' },
        },
      },
    ],
  };
}

describe('renderDetails', () => {
  const md = renderDetails(run());

  it('judges every target against its ratio: met and missed', () => {
    expect(md).toContain('| 20k | warm restart / cold | ≤ 10% | 3.00 s = 5% | met |');
    expect(md).toContain('| 20k | refresh after one commit (median) | ≤ 200 ms | 250 ms (git alone 50 ms, ×5.0) | **missed** |');
    expect(md).toContain('| 20k | cached role lookup / bare node:http | ≥ 50% | 12000 / 20000 req/s = 60% | met |');
    expect(md).toContain('| 20k | peak RSS while indexing | ≤ 600 MB | 700 MB | **missed** |');
    expect(md).toContain('| 20k | cold index vs git floor | ≤ ×3 | 60.00 s = ×20.0 floor | **missed** |');
  });

  it('lists every cold build beside the median and the largest peak it reports', () => {
    expect(md).toContain(
      '- 20k coldIndex: builds 61000 60000 75000 ms (the median reported; each until refresh() resolves, the new head served), cache files for the next start written by 62000 61500 76000 ms, max RSS 690 700 650 MB (the largest reported); pages parsed 38175, read from the parse cache 0, max RSS 700 MB, 20000 commits, 1583 families.',
    );
  });

  it('writes one throughput row per measured operation, with the load average', () => {
    expect(md).toContain('| 20k | role lookup | 1835 | 12000 (1/3 ms) | 1000 (9/20 ms) | 20000 (0/1 ms) | 60% | 5% |');
    expect(md.filter((l) => l.startsWith('| 20k | 50-role page'))).toEqual([]);
    expect(md.some((l) => l.includes('at start 1.00 / 2.00 / 3.00, at end 4.50 / 5.00 / 6.00'))).toBe(true);
  });
});
