// Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=DIR npm run bench): the functions with the most
// self time, and the source files they live in, so a missed target names its cause.
//   node dist-bench/bench/cpuProfile.js FILE.cpuprofile [TOP]
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

const shortUrl = (url: string): string => {
  const i = url.indexOf('/node_modules/');
  if (i >= 0) return url.slice(i + 1);
  const j = url.search(/\/(src|bench|dist-bench)\//);
  return j >= 0 ? url.slice(j + 1) : path.basename(url) || '(native)';
};

/** Self time by function (name + file + line), largest first. */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) ms.set(samples[i]!, (ms.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  const total = (profile.endTime - profile.startTime) / 1000;
  const agg = new Map<string, SelfTime>();
  for (const [id, t] of ms) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const where = `${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    const key = `${name}@${where}`;
    const prev = agg.get(key) ?? { name, where, ms: 0, share: 0 };
    prev.ms += t;
    agg.set(key, prev);
  }
  return [...agg.values()].map((s) => ({ ...s, share: s.ms / total })).sort((a, b) => b.ms - a.ms);
}

/** Self time by source file, largest first. */
export function fileTimes(rows: readonly SelfTime[]): Array<{ file: string; ms: number }> {
  const agg = new Map<string, number>();
  for (const r of rows) {
    const file = r.where.replace(/:\d+$/, '');
    agg.set(file, (agg.get(file) ?? 0) + r.ms);
  }
  return [...agg].map(([file, ms]) => ({ file, ms })).sort((a, b) => b.ms - a.ms);
}

if (require.main === module) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpuProfile FILE.cpuprofile [TOP]');
  const top = Number(topArg ?? 25);
  const rows = selfTimes(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  for (const r of rows.slice(0, top)) process.stdout.write(`${r.ms.toFixed(0).padStart(7)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.where}\n`);
  process.stdout.write('\nby file:\n');
  for (const f of fileTimes(rows).slice(0, top)) process.stdout.write(`${f.ms.toFixed(0).padStart(7)} ms  ${f.file}\n`);
}
