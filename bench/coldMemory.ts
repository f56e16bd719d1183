// Where a cold build's peak RSS sits (issue 15, target 6): one cold index in this process, through
// the same composition as the bench's indexChild, with process.memoryUsage() sampled every 20 ms
// and tagged with the indexer's progress stage. Prints one line per second of the build and, per
// stage, the peak of each figure; `rest` is RSS minus this thread's heap and external memory,
// i.e. the parse workers' heaps, code, and memory freed but not yet returned to the system.
//   node --max-old-space-size=768 --max-semi-space-size=16 dist-bench/bench/coldMemory.js REPO_DIR CACHE_DIR [CONTENT_DIR]
// The cache folder is emptied first (a cold build). maxRSS at the end is what the peakRss probe reads
// when run with the image's heap flags, as the probe's child is (nodeChild.ts, IMAGE_HEAP_CAP).
import fs from 'node:fs';
import os from 'node:os';
import type { IndexProgress } from '../src/index';
import { createIndexerFor, createLogger, loadConfig } from '../src/server';
import { maxRssMB, msSince } from './openIndex';

const MB = (n: number): number => Math.round(n / 1048576);
const FIGURES = ['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers', 'rest'] as const;
type Sample = Record<(typeof FIGURES)[number], number>;

function sample(): Sample {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rest: m.rss - m.heapTotal - m.external };
}

const show = (s: Sample): string => FIGURES.map((k) => `${k} ${MB(s[k])}`).join(', ');

async function main(): Promise<void> {
  const [repoDir, cacheDir, contentDir = 'content/job-families'] = process.argv.slice(2);
  if (!repoDir || !cacheDir) throw new Error('usage: coldMemory REPO_DIR CACHE_DIR [CONTENT_DIR]');
  fs.rmSync(cacheDir, { recursive: true, force: true });
  let stage = 'start';
  const peaks = new Map<string, Sample>();
  const t0 = process.hrtime.bigint();
  let nextLine = 0;
  const take = (): void => {
    const s = sample();
    const peak = peaks.get(stage) ?? { ...s };
    for (const k of FIGURES) peak[k] = Math.max(peak[k], s[k]);
    peaks.set(stage, peak);
    const ms = msSince(t0);
    if (ms >= nextLine) {
      nextLine += 1000;
      process.stdout.write(`${(ms / 1000).toFixed(1)} s ${stage}: ${show(s)}\n`);
    }
  };
  const sampler = setInterval(take, 20);
  const onProgress = (p: IndexProgress): void => {
    if (p.stage !== stage) {
      take();
      stage = p.stage;
    }
  };
  const config = loadConfig({ repo: repoDir, branch: 'main', cacheDir, contentDir }, {});
  const indexer = createIndexerFor(config, repoDir, createLogger('silent'), onProgress);
  await indexer.refresh();
  stage = 'built';
  take();
  await indexer.close();
  take();
  clearInterval(sampler);
  process.stdout.write(`cold build ${Math.round(msSince(t0))} ms, maxRSS ${Math.round(maxRssMB())} MB, load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`);
  for (const [name, peak] of peaks) process.stdout.write(`peak in ${name}: ${show(peak)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
