// History rewrites (force-push) and progress, over an in-memory GitSource of real seed texts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIndexer } from '../../src/index/indexer';
import type { IndexProgress } from '../../src/index/types';
import { seed } from '../helpers/makeRepo';
import { edit } from './realPages';
import { MemorySource } from './memorySource';

const DIR = 'content/job-families/sales';
const HV = `${DIR}/high-velocity-sales-and-first-orders.md`;
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const HV_TEXT = seed('high-velocity-sales-and-first-orders.md');
const HV_GRADE_7 = edit(HV_TEXT, 'The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');

let cacheDir: string;
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-rewrite-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

it('rebuilds the timeline after a force-push and reuses every parsed page', async () => {
  const source = new MemorySource([
    { files: { [HV]: HV_TEXT, [`${DIR}/vp-of-commercial-sales.md`]: seed('vp-of-commercial-sales.md') } },
    { files: { [HV]: HV_GRADE_7 } },
  ]);
  const progress: IndexProgress[] = [];
  const indexer = createIndexer({ source, cacheDir, contentDir: 'content/job-families', url: 'memory', branch: 'main', onProgress: (p) => progress.push(p) });
  await indexer.refresh();
  expect(indexer.current()!.roleHistory(TEAM_LEAD).map((v) => v.change)).toEqual(['MODIFIED', 'ADDED']);
  expect(progress.filter((p) => p.stage === 'parse').at(-1)).toEqual({ stage: 'parse', done: 3, total: 3 });
  expect(indexer.blobStats().parsed).toBe(3);

  // The grade change is squashed into the first commit, and a new commit deletes the VP page.
  const oldShas = indexer.current()!.timeline.map((c) => c.sha);
  source.setHistory([
    { files: { [HV]: HV_GRADE_7, [`${DIR}/vp-of-commercial-sales.md`]: seed('vp-of-commercial-sales.md') }, salt: 'rewritten' },
    { files: { [`${DIR}/vp-of-commercial-sales.md`]: null }, salt: 'rewritten' },
  ]);
  const readsBefore = source.blobReads;
  const result = await indexer.refresh();
  const view = indexer.current()!;
  expect(view.timeline.map((c) => c.sha)).not.toEqual(oldShas);
  expect(view.timeline).toHaveLength(2);
  expect(indexer.blobStats().parsed).toBe(3); // nothing new to parse
  expect(source.blobReads).toBe(readsBefore);
  expect(view.roleHistory(TEAM_LEAD).map((v) => [v.commit.position, v.change])).toEqual([[0, 'ADDED']]);
  expect(result.changedRoleIds).toEqual(['sales/vp-of-commercial-sales#vp-of-commercial-sales']);
  await indexer.close();
});
