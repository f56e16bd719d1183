// Bounded load on loopback: ~20 concurrent clients query the production server for ~5 s while
// new commits are pushed to the remote and the index is refreshed (and swapped) in a loop. Every
// answer must succeed and be internally consistent — the role's grade is the one the answer's own
// head commit wrote — and the heap must not keep what the load made.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { collectGarbage } from '../helpers/collectGarbage';
import { makeRepo } from '../helpers/makeRepo';
import { SALES, VP_ROLE, indexerFor, post, seedCommit, tempDir, vpPageWithGrade } from './harness';
import { startServer } from './serverHarness';

const CLIENTS = 20;
const DURATION_MS = 5000;
/**
 * What the JS heap may keep after the load, measured after a full collection. RSS was measured
 * before: without a collection it counts garbage, and on Node 24 (larger young generation, freed
 * pages pooled for seconds) one full run grew it by 213 MB, over its 200 MB bound; the heap after a
 * collection grows by ~6 MB over the same load.
 */
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;

const QUERY = `{ repository { head { sha } } role(id: "${VP_ROLE}") { grade } }`;

it('serves consistent answers without errors while the index is swapped under load', async () => {
  const work = makeRepo([seedCommit()]);
  const remote = tempDir('remote');
  execFileSync('git', ['clone', '-q', '--bare', work.dir, remote]);
  const cacheDir = tempDir('cache');
  const vpPath = `${SALES}/vp-of-commercial-sales.md`;
  /** Grade the VP page states at each commit: what a consistent answer must pair with that head. */
  const gradeAt = new Map<string, number>([[work.head(), 12]]);
  const indexer = indexerFor(remote, cacheDir);
  await indexer.refresh();
  const server = await startServer(indexer);
  try {
    // Warm up once so the baseline includes the server's steady-state allocations.
    expect((await post(server.url, QUERY)).body.errors).toBeUndefined();
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const stopAt = Date.now() + DURATION_MS;

    let refreshes = 0;
    const refresher = (async () => {
      for (let i = 0; Date.now() < stopAt; i += 1) {
        const grade = 5 + (i % 9);
        const sha = work.commit({ message: `Regrade the VP to ${grade}`, files: { [vpPath]: vpPageWithGrade(grade) } });
        gradeAt.set(sha, grade);
        work.git('push', '-q', remote, 'main');
        await indexer.refresh();
        refreshes += 1;
      }
    })();

    const failures: string[] = [];
    const headsSeen = new Set<string>();
    let answers = 0;
    const client = async (): Promise<void> => {
      while (Date.now() < stopAt) {
        const answer = await post(server.url, QUERY);
        answers += 1;
        const data = answer.body.data as { repository: { head: { sha: string } }; role: { grade: number } } | undefined;
        if (answer.status !== 200 || answer.body.errors || !data) {
          failures.push(`${answer.status} ${answer.text.slice(0, 200)}`);
          continue;
        }
        const sha = data.repository.head.sha;
        headsSeen.add(sha);
        if (gradeAt.get(sha) !== data.role.grade) failures.push(`head ${sha} says grade ${gradeAt.get(sha)}, answer said ${data.role.grade}`);
      }
    };
    await Promise.all([refresher, ...Array.from({ length: CLIENTS }, client)]);

    expect(failures).toEqual([]);
    expect(refreshes).toBeGreaterThan(1);
    expect(headsSeen.size).toBeGreaterThan(1); // the swaps really happened under the clients
    expect(answers).toBeGreaterThan(CLIENTS);
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - heapBefore;
    expect(grown).toBeLessThan(HEAP_GROWTH_LIMIT);
  } finally {
    await server.close();
    await indexer.close();
    work.cleanup();
    for (const dir of [remote, cacheDir]) fs.rmSync(path.resolve(dir), { recursive: true, force: true });
  }
}, 60_000);
