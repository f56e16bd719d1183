// The handbook's content folder moved over its life: Middleman `source/job-families/` → the
// monorepo's `sites/marketing/source/job-families/` (one `git mv`) → Hugo `content/job-families/`
// (copied first, the old copy deleted later). Built as a real git history and indexed with no
// --content-dir: the folder is found by looking, and a family's history runs through every move.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import type { IndexView } from '../../src/index/types';
import { makeRepo, type CommitSpec, type TestRepo } from '../helpers/makeRepo';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'eras');
const ASM_V1 = fs.readFileSync(path.join(FIXTURES, 'area-sales-manager.html.md'), 'utf8');
const ASM_V2 = ASM_V1.replace('is a [grade 8]', 'is a [grade 9]');
const CMM = fs.readFileSync(path.join(FIXTURES, 'content-marketing-manager.html.md'), 'utf8');

const MIDDLEMAN = 'source/job-families';
const MARKETING = 'sites/marketing/source/job-families';
const HUGO = 'content/job-families';
const ASM = 'sales/area-sales-manager#area-sales-manager';
const CMM_ID = 'marketing/content-marketing-manager#content-marketing-manager';
/** A shortcode folder that happens to be named job-families: never the content, it has one page. */
const STRAY = 'layouts/shortcodes/job-families/sales/performance.md';

let repo: TestRepo;
let shas: string[];
const cacheDirs: string[] = [];
const indexers: IndexerWithStats[] = [];

function newIndexer(): IndexerWithStats {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-moves-'));
  cacheDirs.push(cacheDir);
  const indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, url: repo.dir, branch: 'main' });
  indexers.push(indexer);
  return indexer;
}

const FIRST: CommitSpec[] = [
  {
    message: 'Add the first job families (Middleman)',
    files: {
      [`${MIDDLEMAN}/sales/area-sales-manager/index.html.md`]: ASM_V1,
      [`${MIDDLEMAN}/marketing/content-marketing-manager/index.html.md`]: CMM,
      [STRAY]: '- Net ARR vs. plan\n',
    },
  },
  {
    message: 'Move the website into sites/marketing',
    renames: [
      [`${MIDDLEMAN}/sales/area-sales-manager/index.html.md`, `${MARKETING}/sales/area-sales-manager/index.html.md`],
      [`${MIDDLEMAN}/marketing/content-marketing-manager/index.html.md`, `${MARKETING}/marketing/content-marketing-manager/index.html.md`],
    ],
  },
  { message: 'Area Sales Manager: regrade to 9', files: { [`${MARKETING}/sales/area-sales-manager/index.html.md`]: ASM_V2 } },
];
const LATER: CommitSpec[] = [
  {
    message: 'Copy the job families into the new handbook',
    files: { [`${HUGO}/sales/area-sales-manager.md`]: ASM_V2, [`${HUGO}/marketing/content-marketing-manager.md`]: CMM },
  },
  {
    message: 'Remove the old copies',
    files: { [`${MARKETING}/sales/area-sales-manager/index.html.md`]: null, [`${MARKETING}/marketing/content-marketing-manager/index.html.md`]: null },
  },
];

beforeAll(() => {
  repo = makeRepo([...FIRST, ...LATER]);
  shas = repo.git('rev-list', '--reverse', 'HEAD').split('\n');
});

afterAll(async () => {
  for (const indexer of indexers) await indexer.close().catch(() => undefined);
  repo?.cleanup();
  for (const dir of cacheDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a handbook whose content folder moved twice', () => {
  let indexer: IndexerWithStats;
  let view: IndexView;
  beforeAll(async () => {
    indexer = newIndexer();
    await indexer.refresh();
    view = indexer.current()!;
  });

  it('serves the folder with the most pages at head', () => {
    expect(indexer.status()).toMatchObject({ phase: 'ready', contentDir: HUGO, commitCount: 5, familyCount: 2, lastError: null });
    expect(view.head.families.map((f) => f.path)).toEqual([`${HUGO}/marketing/content-marketing-manager.md`, `${HUGO}/sales/area-sales-manager.md`]);
  });

  it('reads each commit from the folder that held the content then', async () => {
    const pathAt = async (i: number): Promise<string[]> => {
      const snapshot = await view.snapshotAt(view.timeline[i]);
      return snapshot.families.map((f) => f.path);
    };
    expect(await pathAt(0)).toEqual([`${MIDDLEMAN}/marketing/content-marketing-manager/index.html.md`, `${MIDDLEMAN}/sales/area-sales-manager/index.html.md`]);
    expect(await pathAt(2)).toEqual([`${MARKETING}/marketing/content-marketing-manager/index.html.md`, `${MARKETING}/sales/area-sales-manager/index.html.md`]);
    // Both copies present, as many pages each: the folder in use stays until the old copy goes.
    expect(await pathAt(3)).toEqual([`${MARKETING}/marketing/content-marketing-manager/index.html.md`, `${MARKETING}/sales/area-sales-manager/index.html.md`]);
    for (let i = 0; i < 5; i++) {
      const snapshot = await view.snapshotAt(view.timeline[i]);
      expect(snapshot.familyBySlug.has('sales/performance')).toBe(false);
    }
  });

  it("follows a role's history through both moves: added, moved, regraded, moved", () => {
    expect(view.roleHistory(ASM).map((v) => ({ sha: v.commit.sha, change: v.change, path: v.path, changes: v.changes.map((c) => [c.field, c.before, c.after]) }))).toEqual([
      {
        sha: shas[4],
        change: 'MOVED',
        path: `${HUGO}/sales/area-sales-manager.md`,
        changes: [['path', `${MARKETING}/sales/area-sales-manager/index.html.md`, `${HUGO}/sales/area-sales-manager.md`]],
      },
      { sha: shas[2], change: 'MODIFIED', path: `${MARKETING}/sales/area-sales-manager/index.html.md`, changes: [['grade', '8', '9']] },
      {
        sha: shas[1],
        change: 'MOVED',
        path: `${MARKETING}/sales/area-sales-manager/index.html.md`,
        changes: [['path', `${MIDDLEMAN}/sales/area-sales-manager/index.html.md`, `${MARKETING}/sales/area-sales-manager/index.html.md`]],
      },
      { sha: shas[0], change: 'ADDED', path: `${MIDDLEMAN}/sales/area-sales-manager/index.html.md`, changes: [] },
    ]);
    expect(view.roleHistory(CMM_ID).map((v) => [v.commit.sha, v.change])).toEqual([
      [shas[4], 'MOVED'],
      [shas[1], 'MOVED'],
      [shas[0], 'ADDED'],
    ]);
  });

  it("lists a family's commits by slug across the folders", () => {
    expect(view.commitsTouching('sales/area-sales-manager').map((c) => c.sha)).toEqual([shas[4], shas[2], shas[1], shas[0]]);
  });

  it('reaches the same history when the moves arrive as refreshes on top of a served index', async () => {
    const stepwise = makeRepo(FIRST);
    try {
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-moves-'));
      cacheDirs.push(cacheDir);
      const source = createGitSource({ remote: stepwise.dir, branch: 'main', cacheDir });
      const extended = createIndexer({ source, cacheDir, url: stepwise.dir, branch: 'main' });
      indexers.push(extended);
      await extended.refresh();
      expect(extended.status().contentDir).toBe(MARKETING);
      for (const spec of LATER) stepwise.commit(spec);
      await extended.refresh();
      expect(extended.status().contentDir).toBe(HUGO);
      const versions = extended.current()!.roleHistory(ASM);
      expect(versions.map((v) => [v.commit.message, v.change, v.path])).toEqual(
        view.roleHistory(ASM).map((v) => [v.commit.message, v.change, v.path]),
      );
    } finally {
      stepwise.cleanup();
    }
  });
});
