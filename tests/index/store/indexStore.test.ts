// The store as the indexer and views use it, over an in-memory GitSource of real seed texts: pages of
// any commit loaded (and kept) through it, and the timeline files extended only where they chain.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TimelineStep } from '../../../src/git/types';
import { contentScope } from '../../../src/index/contentScope';
import { createIndexStore } from '../../../src/index/store/indexStore';
import { journalFile, timelineFile } from '../../../src/index/store/timelineStore';
import { seed } from '../../helpers/makeRepo';
import { MemorySource } from '../memorySource';

const CONTENT = 'content/job-families';
const VP = `${CONTENT}/sales/vp-of-commercial-sales.md`;
const DIRECTOR = `${CONTENT}/sales/director-regional-sales.md`;

let cacheDir: string;
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-store-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

function history(): MemorySource {
  return new MemorySource([
    { files: { [VP]: seed('vp-of-commercial-sales.md'), 'README.md': 'not a page' } },
    { files: { [DIRECTOR]: seed('director-regional-sales.md') } },
    { files: { [VP]: null } },
  ]);
}

it("loads a commit's pages through the store, parsed once and kept for the next process", async () => {
  const source = history();
  const store = createIndexStore({ cacheDir, source });
  const pages = store.pages(contentScope(CONTENT));
  expect(store.contentDir()).toBe(CONTENT);
  const middle = source.steps[1].commit.sha;

  const atMiddle = await pages.pagesAt(middle);
  expect(atMiddle.map((p) => [p.path, p.family.slug])).toEqual([
    [VP, 'sales/vp-of-commercial-sales'],
    [DIRECTOR, 'sales/director-regional-sales'],
  ]);
  expect(source.blobReads).toBe(2);
  expect(pages.get(VP, atMiddle[0].blob)).toBe(atMiddle[0].family);
  expect(store.stats()).toMatchObject({ entries: 2, parsed: 2 });
  await store.close();

  const again = createIndexStore({ cacheDir, source });
  const atMiddleAgain = await again.pages(contentScope(CONTENT)).pagesAt(middle);
  expect(atMiddleAgain.map((p) => p.family)).toEqual(atMiddle.map((p) => p.family));
  expect(source.blobReads).toBe(2); // read back from the cache folder, not from git
  expect(again.stats()).toMatchObject({ parsed: 0, loaded: 2 });
  await again.close();
});

/** The history's steps, each naming the one before as its first parent (as git's would). */
function chainedSteps(): TimelineStep[] {
  const steps = history().steps;
  return steps.map((s, i) => ({ ...s, commit: { ...s.commit, parents: i === 0 ? [] : [steps[i - 1].commit.sha] } }));
}

it('appends to the stored timeline only where it ends, and loads base plus journal', async () => {
  const steps = chainedSteps();
  const store = createIndexStore({ cacheDir, source: history() });
  expect(await store.loadTimeline(CONTENT)).toBeNull();

  await store.saveTimeline(CONTENT, steps.slice(0, 1));
  // Not where the stored timeline ends: nothing is written.
  await store.appendTimeline(CONTENT, steps[1].commit.sha, steps.slice(2));
  expect(fs.existsSync(journalFile(cacheDir))).toBe(false);
  await store.appendTimeline(CONTENT, steps[0].commit.sha, steps.slice(1, 2));
  await store.appendTimeline(CONTENT, steps[1].commit.sha, steps.slice(2));
  expect(fs.readFileSync(journalFile(cacheDir), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);

  const loaded = await createIndexStore({ cacheDir, source: history() }).loadTimeline(CONTENT);
  expect(loaded).toEqual({ head: steps[2].commit.sha, steps, journalSteps: 2, confirmedAt: expect.any(String) });
  expect(await store.loadTimeline('another/folder')).toBeNull();
});

it('a store that loaded base and journal keeps appending after the journal', async () => {
  const steps = chainedSteps();
  const first = createIndexStore({ cacheDir, source: history() });
  await first.saveTimeline(CONTENT, steps.slice(0, 1));
  await first.appendTimeline(CONTENT, steps[0].commit.sha, steps.slice(1, 2));

  const second = createIndexStore({ cacheDir, source: history() });
  expect((await second.loadTimeline(CONTENT))!.head).toBe(steps[1].commit.sha);
  await second.appendTimeline(CONTENT, steps[1].commit.sha, steps.slice(2));
  expect(await second.loadTimeline(CONTENT)).toEqual({ head: steps[2].commit.sha, steps, journalSteps: 2, confirmedAt: expect.any(String) });
});

it('says when the stored timeline was last confirmed current, and confirming moves that on', async () => {
  const steps = chainedSteps();
  const store = createIndexStore({ cacheDir, source: history() });
  await store.saveTimeline(CONTENT, steps);
  const lastWeek = new Date(Math.floor(Date.now() / 1000) * 1000 - 7 * 86_400_000); // whole seconds: file times keep those exactly
  fs.utimesSync(timelineFile(cacheDir), lastWeek, lastWeek);
  expect((await store.loadTimeline(CONTENT))!.confirmedAt).toBe(lastWeek.toISOString());

  const before = Date.now();
  await store.confirmTimeline();
  const confirmed = Date.parse((await store.loadTimeline(CONTENT))!.confirmedAt!);
  // File times may be truncated to whole seconds or milliseconds by the file system.
  expect(confirmed).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
});
