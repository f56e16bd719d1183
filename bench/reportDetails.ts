// The sections of RESULTS.md under the summary table: each issue-5 target against its measured
// ratio, the per-query throughput table, and the raw samples behind the medians.
import type { ProbeOutcome } from './probes';
import type { RunResults, ScenarioResult } from './report';

type Measured = Extract<ProbeOutcome, { status: 'measured' }>;

const measured = (s: ScenarioResult, key: string): Measured | null => {
  const o = s.probes[key];
  return o?.status === 'measured' ? o : null;
};
const num = (m: Measured | null, key: string): number | null => (m && typeof m.detail?.[key] === 'number' ? (m.detail[key] as number) : null);
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const verdict = (ok: boolean | null): string => (ok === null ? '—' : ok ? 'met' : '**missed**');

export const OPERATION_LABELS: Record<string, string> = {
  roleLookup: 'role lookup',
  rolePage50: '50-role page with grades and families',
  roleHistory: 'role history (20 versions)',
  diffFirstToLast: 'first-to-last diff',
  pipelineFloor: 'pipeline floor: `{ __typename }`',
};

function targetRows(s: ScenarioResult): string[] {
  const cold = measured(s, 'coldIndex');
  const warm = measured(s, 'warmRestart');
  const refresh = measured(s, 'refreshAfterCommit');
  const tput = measured(s, 'queryThroughput');
  const rss = measured(s, 'peakRss');
  const rows: string[] = [];
  if (cold) {
    const r = cold.ratioToFloor ?? null;
    rows.push(`| ${s.spec.name} | cold index vs git floor | ≤ ×3 | ${(cold.value / 1000).toFixed(2)} s = ×${(r ?? 0).toFixed(1)} floor | ${verdict(r === null ? null : r <= 3)} |`);
  }
  if (cold && warm) {
    const r = warm.value / cold.value;
    rows.push(`| ${s.spec.name} | warm restart / cold | ≤ 10% | ${(warm.value / 1000).toFixed(2)} s = ${pct(r)} | ${verdict(r <= 0.1)} |`);
  }
  if (refresh) {
    const floor = refresh.baselineMs;
    rows.push(`| ${s.spec.name} | refresh after one commit (median) | ≤ 200 ms | ${refresh.value.toFixed(0)} ms${floor ? ` (git alone ${floor.toFixed(0)} ms, ×${(refresh.value / floor).toFixed(1)})` : ''} | ${verdict(refresh.value <= 200)} |`);
  }
  if (tput?.baseline) {
    const r = tput.value / tput.baseline.requestsPerSec;
    rows.push(`| ${s.spec.name} | cached role lookup / bare node:http | ≥ 50% | ${tput.value.toFixed(0)} / ${tput.baseline.requestsPerSec.toFixed(0)} req/s = ${pct(r)} | ${verdict(r >= 0.5)} |`);
  }
  if (rss) {
    const limited = s.spec.commits >= 20000;
    rows.push(`| ${s.spec.name} | peak RSS while indexing | ${limited ? '≤ 600 MB' : '(grows with changes)'} | ${rss.value.toFixed(0)} MB | ${limited ? verdict(rss.value <= 600) : '—'} |`);
  }
  return rows;
}

/** Issue 15, targets 3–5: uncached execution against the pipeline floor, the floor against bare, diffs under concurrency. */
function executionTargetRows(s: ScenarioResult): string[] {
  const t = measured(s, 'queryThroughput');
  const d = measured(s, 'diffConcurrency');
  const rows: string[] = [];
  const floor = num(t, 'pipelineFloor.uncached.rps');
  const targets: Array<[string, string, number]> = [
    ['rolePage50', 'uncached 50-role page / pipeline floor', 0.5],
    ['roleLookup', 'uncached role lookup / pipeline floor', 0.85],
    ['roleHistory', 'uncached role history / pipeline floor', 0.85],
  ];
  for (const [op, label, want] of targets) {
    const rps = num(t, `${op}.uncached.rps`);
    if (rps === null || !floor) continue;
    rows.push(`| ${s.spec.name} | ${label} | ≥ ${pct(want)} | ${rps.toFixed(0)} / ${floor.toFixed(0)} req/s = ${pct(rps / floor)} | ${verdict(rps / floor >= want)} |`);
  }
  const floorVsBare = num(t, 'pipelineFloor.uncachedVsBare');
  if (floorVsBare !== null) rows.push(`| ${s.spec.name} | pipeline floor (\`{ __typename }\`, uncached) / bare node:http | ≥ 20% | ${pct(floorVsBare)} | ${verdict(floorVsBare >= 0.2)} |`);
  for (const kind of ['identical', 'distinct'] as const) {
    const peak = num(d, `${kind}.peakRssMB`);
    if (peak === null) continue;
    const limited = s.spec.commits >= 20000;
    rows.push(`| ${s.spec.name} | server peak RSS, ${num(d, 'clients')} concurrent ${kind} uncached diffs | ${limited ? '≤ 600 MB' : '—'} | ${peak} MB (opened at ${num(d, `${kind}.openRssMB`)} MB; ${num(d, `${kind}.perSec`)} answers/s, ${num(d, `${kind}.failed`)} failed) | ${limited ? verdict(peak <= 600) : '—'} |`);
  }
  return rows;
}

function throughputRows(s: ScenarioResult): string[] {
  const t = measured(s, 'queryThroughput');
  if (!t) return [];
  const cell = (op: string, v: string): string => {
    const rps = num(t, `${op}.${v}.rps`);
    return rps === null ? '—' : `${rps.toFixed(0)} (${num(t, `${op}.${v}.p50ms`)}/${num(t, `${op}.${v}.p99ms`)} ms)`;
  };
  return Object.keys(OPERATION_LABELS).flatMap((op) =>
    num(t, `${op}.bytes`) === null
      ? []
      : [
          `| ${s.spec.name} | ${OPERATION_LABELS[op]} | ${num(t, `${op}.bytes`)} | ${cell(op, 'cached')} | ${cell(op, 'uncached')} | ${cell(op, 'bare')} | ${pct(num(t, `${op}.cachedVsBare`) ?? 0)} | ${pct(num(t, `${op}.uncachedVsBare`) ?? 0)} |`,
        ],
  );
}

function sampleLines(s: ScenarioResult): string[] {
  const out: string[] = [];
  const refresh = measured(s, 'refreshAfterCommit');
  if (refresh?.detail) {
    const d = refresh.detail;
    out.push(`- ${s.spec.name} refresh: samples ${d.samplesMs} ms; git fetch + diff-tree of the same commits ${d.gitFloorSamplesMs} ms; roles changed per commit ${d.changedRolesPerCommit}; open over the copied cache ${d.openMs} ms.`);
  }
  for (const key of ['coldIndex', 'warmRestart'] as const) {
    const m = measured(s, key);
    if (!m?.detail) continue;
    // A cold index is the median of several builds (indexProbes.ts, COLD_RUNS): each one's time and peak.
    const runs = m.detail.runsMs === undefined ? '' : `builds ${m.detail.runsMs} ms (the median reported; each until refresh() resolves, the new head served)${m.detail.runsPersistedMs === undefined ? '' : `, cache files for the next start written by ${m.detail.runsPersistedMs} ms`}, max RSS ${m.detail.runsMaxRssMB} MB (the largest reported); `;
    out.push(`- ${s.spec.name} ${key}: ${runs}pages parsed ${m.detail.parsedHere ?? '?'}, read from the parse cache ${m.detail.loadedFromCache ?? '?'}, max RSS ${m.detail.maxRssMB} MB, ${m.detail.commits} commits, ${m.detail.families} families.`);
  }
  const t = measured(s, 'queryThroughput');
  if (t?.detail) {
    // Runs before rounds (one load of each) have no `rounds`.
    const runs = t.detail.rounds === undefined ? 'per run' : `per load, ${t.detail.rounds} rounds, medians reported (uncached req/s by round: ${roundsOf(t.detail)})`;
    out.push(`- ${s.spec.name} server: ${t.detail.connections} connections × ${t.detail.loadSeconds} s ${runs}; role \`${t.detail.roleId}\`; server process max RSS ${t.detail.serverMaxRssMB} MB; opened in ${t.detail.serverOpenMs} ms.`);
  }
  return out;
}

/** Each operation's uncached req/s round by round, and its bare server's: how far apart the rounds were. */
function roundsOf(detail: Record<string, unknown>): string {
  return Object.keys(OPERATION_LABELS)
    .filter((op) => detail[`${op}.uncached.rounds`] !== undefined)
    .map((op) => `${op} ${String(detail[`${op}.uncached.rounds`])}, bare ${String(detail[`${op}.bare.rounds`])}`)
    .join('; ');
}

export function renderDetails(r: RunResults): string[] {
  const out: string[] = [];
  if (r.load) {
    out.push('', `Load average (1/5/15 min) at start ${r.load.start.map((x) => x.toFixed(2)).join(' / ')}, at end ${r.load.end.map((x) => x.toFixed(2)).join(' / ')} on ${r.machine.cpus} cores shared with other work: read absolute numbers with that in mind; ratios are measured back to back in the same run.`);
  }
  const targets = r.scenarios.flatMap((s) => [...targetRows(s), ...executionTargetRows(s)]);
  if (targets.length > 0) out.push('', '## Targets (issue 5)', '', '| scenario | measure | target | measured | |', '|---|---|---|---|---|', ...targets);
  const tput = r.scenarios.flatMap(throughputRows);
  if (tput.length > 0) {
    out.push(
      '',
      '## Query throughput on loopback (autocannon; req/s, p50/p99 latency)',
      '',
      'Each operation is loaded against createServer with the response cache, without it, and a bare `node:http` server answering the same bytes, one after another in the same server process, in rounds (every operation in every variant once a round); each cell is its median round (the rounds are listed under Details).',
      '',
      '| scenario | operation | bytes | cached | uncached | bare node:http | cached / bare | uncached / bare |',
      '|---|---|---|---|---|---|---|---|',
      ...tput,
    );
  }
  const samples = r.scenarios.flatMap(sampleLines);
  if (samples.length > 0) out.push('', '## Samples', '', ...samples);
  return out;
}
