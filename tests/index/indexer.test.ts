// The real indexer over real git: a small history built from the seeds with makeRepo, covering a
// grade change, a role added, a rename x.md → x/index.md, and an edit to a sibling role.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import type { IndexView, RefreshResult } from '../../src/index/types';
import { diff } from '../../src/index/diff';
import { RefreshRunningError } from '../../src/index/errors';
import { createRefresher } from '../../src/watch';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';
import { MemorySource } from './memorySource';
import { edit } from './realPages';

const DIR = 'content/job-families/sales';
const HV_PATH = `${DIR}/high-velocity-sales-and-first-orders.md`;
const HV = 'sales/high-velocity-sales-and-first-orders';
const TEAM_LEAD = `${HV}#smb-advocate-team-lead`;
const ADVOCATE = `${HV}#smb-advocate`;
const NEW_LOGO_SM = `${HV}#new-logo-sales-manager`;
const VP = 'sales/vp-of-commercial-sales#vp-of-commercial-sales';

const HV_SEED = seed('high-velocity-sales-and-first-orders.md');
// Before: the Team Lead a grade lower, and no New Logo Sales Manager section yet.
const HV_V1 = edit(
  HV_SEED.slice(0, HV_SEED.indexOf('## New Logo Sales Manager')) + HV_SEED.slice(HV_SEED.indexOf('## Career Ladder')),
  'The SMB Advocate Team Lead is a grade 6.',
  'The SMB Advocate Team Lead is a grade 5.',
);
const OLD_BULLET = '- Participate in the recruitment process of new team members';
// After: an edit to the SMB Advocate (the Team Lead's sibling in the same file).
const ADVOCATE_BULLET = /(## SMB Advocate\n[\s\S]*?### Responsibilities\n\n)(- [^\n]*\n)/;
const HV_V4 = HV_SEED.replace(ADVOCATE_BULLET, '$1- Qualify inbound leads from the website within one business day\n');

let repo: TestRepo;
let shas: string[];
const cacheDirs: string[] = [];
const indexers: IndexerWithStats[] = [];

function newIndexer(cacheDir: string): IndexerWithStats {
  const source = createGitSource({ remote: repo.dir, branch: 'main', cacheDir });
  const indexer = createIndexer({ source, cacheDir, url: repo.dir, branch: 'main' });
  indexers.push(indexer);
  return indexer;
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-index-'));
  cacheDirs.push(dir);
  return dir;
}

beforeAll(() => {
  expect(HV_V4).not.toBe(HV_SEED);
  repo = makeRepo([
    {
      message: 'Add sales families',
      tag: 'v1',
      files: {
        [HV_PATH]: HV_V1,
        [`${DIR}/vp-of-commercial-sales.md`]: seed('vp-of-commercial-sales.md'),
        [`${DIR}/director-regional-sales.md`]: seed('director-regional-sales.md'),
      },
    },
    { message: 'Regrade the Team Lead and add the New Logo Sales Manager', files: { [HV_PATH]: HV_SEED } },
    { message: 'Move VP of Commercial Sales into a page bundle', renames: [[`${DIR}/vp-of-commercial-sales.md`, `${DIR}/vp-of-commercial-sales/index.md`]] },
    { message: 'SMB Advocate: qualify inbound leads', files: { [HV_PATH]: HV_V4 } },
  ]);
  shas = repo.git('rev-list', '--reverse', 'HEAD').split('\n');
});

afterAll(async () => {
  for (const indexer of indexers) await indexer.close().catch(() => undefined);
  repo?.cleanup();
  for (const dir of cacheDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('indexer over a real repository', () => {
  let indexer: IndexerWithStats;
  let view: IndexView;
  let cacheDir: string;

  beforeAll(async () => {
    cacheDir = tempDir();
    indexer = newIndexer(cacheDir);
    expect(indexer.current()).toBeNull();
    expect(indexer.status().phase).toBe('starting');
    const result = await indexer.refresh();
    view = indexer.current()!;
    expect(result.previousHead).toBeNull();
    expect(result.head.sha).toBe(shas[3]);
  });

  it('reports ready with the head, counts and detected content folder', () => {
    const status = indexer.status();
    expect(status.phase).toBe('ready');
    expect(status.contentDir).toBe('content/job-families');
    expect(status.head!.sha).toBe(shas[3]);
    expect(status.commitCount).toBe(4);
    expect(status.familyCount).toBe(3);
    expect(status.lastError).toBeNull();
    // Three versions of the HV page, the director, and the VP at each of its two paths.
    expect(indexer.blobStats().parsed).toBe(6);
  });

  it("answers a role's grade at an old commit and at head", async () => {
    const old = await view.snapshotAt(await view.resolveRef(shas[0]));
    expect(old.roleById.get(TEAM_LEAD)!.grade).toBe(5);
    expect(old.roleById.has(NEW_LOGO_SM)).toBe(false);
    expect(view.head.roleById.get(TEAM_LEAD)!.grade).toBe(6);
    expect((await view.snapshotAt(await view.resolveRef(null))).commit.sha).toBe(shas[3]);
  });

  it('lists only the commits that changed the role, newest first, with exact field changes', () => {
    const history = view.roleHistory(TEAM_LEAD);
    expect(history.map((v) => [v.commit.sha, v.change])).toEqual([
      [shas[1], 'MODIFIED'],
      [shas[0], 'ADDED'],
    ]);
    expect(history[0].changes).toEqual([{ field: 'grade', before: '5', after: '6', added: [], removed: [] }]);
    expect(history[0].role.grade).toBe(6);
    expect(history[0].path).toBe(HV_PATH);

    const advocate = view.roleHistory(ADVOCATE);
    expect(advocate.map((v) => [v.commit.sha, v.change])).toEqual([
      [shas[3], 'MODIFIED'],
      [shas[0], 'ADDED'],
    ]);
    expect(advocate[0].changes).toHaveLength(1);
    expect(advocate[0].changes[0].field).toBe('responsibilities');
    expect(advocate[0].changes[0].added).toEqual(['Qualify inbound leads from the website within one business day']);
    expect(advocate[0].changes[0].removed).toHaveLength(1);

    expect(view.roleHistory(NEW_LOGO_SM).map((v) => [v.commit.sha, v.change])).toEqual([[shas[1], 'ADDED']]);
    expect(view.roleHistory('sales/nope#nope')).toEqual([]);
  });

  it('shows a pure rename as MOVED with the path change', () => {
    const history = view.roleHistory(VP);
    expect(history.map((v) => [v.commit.sha, v.change])).toEqual([
      [shas[2], 'MOVED'],
      [shas[0], 'ADDED'],
    ]);
    expect(history[0].changes).toEqual([
      { field: 'path', before: `${DIR}/vp-of-commercial-sales.md`, after: `${DIR}/vp-of-commercial-sales/index.md`, added: [], removed: [] },
    ]);
  });

  it('diffs two commits with exact field changes', async () => {
    const from = await view.snapshotAt(await view.resolveRef('v1'));
    const d = diff(from, view.head);
    expect(d.roles.map((r) => [r.id, r.change])).toEqual([
      [NEW_LOGO_SM, 'ADDED'],
      [ADVOCATE, 'MODIFIED'],
      [TEAM_LEAD, 'MODIFIED'],
    ]);
    expect(d.roles[2].changes).toEqual([{ field: 'grade', before: '5', after: '6', added: [], removed: [] }]);
    expect(d.families.map((f) => [f.slug, f.change])).toEqual([
      [HV, 'MODIFIED'],
      ['sales/vp-of-commercial-sales', 'MOVED'],
    ]);
  });

  it("remembers a diff per commit pair in the view: the same answer as the pure diff, computed once", async () => {
    const v1 = await view.resolveRef('v1');
    const from = await view.snapshotAt(v1);
    const remembered = view.diff(v1, view.head.commit);
    expect(await remembered).toEqual(diff(from, view.head));
    expect(view.diff(v1, view.head.commit)).toBe(remembered);
    // The other direction is another pair: ADDED becomes REMOVED.
    const back = view.diff(view.head.commit, v1);
    expect(back).not.toBe(remembered);
    expect((await back).roles.find((r) => r.id === NEW_LOGO_SM)!.change).toBe('REMOVED');
  });

  it('resolves dates, tags and short shas, and refuses bad refs with BAD_REF', async () => {
    expect((await view.resolveRef('2021-01-02')).sha).toBe(shas[1]);
    expect((await view.resolveRef('2021-01-01T12:00:00Z')).sha).toBe(shas[0]);
    expect((await view.resolveRef('2030-01-01')).sha).toBe(shas[3]);
    expect((await view.resolveRef('v1')).sha).toBe(shas[0]);
    expect((await view.resolveRef(shas[2].slice(0, 8))).position).toBe(2);
    for (const bad of ['2020-12-31', 'no-such-branch', '--upload-pack=touch /tmp/x', 'a\0b', 'x'.repeat(300), '']) {
      await expect(view.resolveRef(bad)).rejects.toMatchObject({ code: 'BAD_REF' });
    }
  });

  it('lists commits touching a family by slug or path, newest first', () => {
    expect(view.commitsTouching('sales/vp-of-commercial-sales').map((c) => c.sha)).toEqual([shas[2], shas[0]]);
    expect(view.commitsTouching(`${DIR}/vp-of-commercial-sales/index.md`).map((c) => c.sha)).toEqual([shas[2]]);
    expect(view.commitsTouching(null).map((c) => c.sha)).toEqual([...shas].reverse());
    expect(view.commitsTouching('sales/nope')).toEqual([]);
  });

  it('builds a snapshot for a commit off the tracked branch from its tree', async () => {
    repo.git('checkout', '-q', '-b', 'side', shas[1]);
    repo.commit({ message: 'Side branch: drop the director', files: { [`${DIR}/director-regional-sales.md`]: null }, tag: 'side-tag' });
    repo.git('checkout', '-q', 'main');
    await indexer.refresh(); // fetches the new tag; head unchanged, so no swap
    expect(indexer.current()).toBe(view);
    const commit = await indexer.current()!.resolveRef('side-tag');
    expect(commit.position).toBe(-1);
    const snapshot = await view.snapshotAt(commit);
    expect(snapshot.familyBySlug.has('sales/director-regional-sales')).toBe(false);
    expect(snapshot.roleById.get(TEAM_LEAD)!.grade).toBe(6);
  });

  it('swaps in a new head and tells listeners which roles changed', async () => {
    const seen: RefreshResult[] = [];
    const unsubscribe = indexer.onSwap((_v, result) => seen.push(result));
    shas.push(repo.commit({ message: 'Retire the director family', files: { [`${DIR}/director-regional-sales.md`]: null } }));
    const result = await indexer.refresh();
    unsubscribe();
    expect(result.previousHead!.sha).toBe(shas[3]);
    expect(result.head.sha).toBe(shas[4]);
    expect(result.changedRoleIds).toEqual(['sales/director-regional-sales#director-regional-sales']);
    expect(seen).toEqual([result]);
    expect(indexer.current()).not.toBe(view);
    // The old generation still answers as before (readers that pinned it are not disturbed).
    expect(view.head.familyBySlug.has('sales/director-regional-sales')).toBe(true);
    expect(indexer.current()!.roleHistory('sales/director-regional-sales#director-regional-sales')[0].change).toBe('REMOVED');
  });

  it('restarts on the same cache without parsing anything', async () => {
    const again = newIndexer(cacheDir);
    await again.refresh();
    expect(again.blobStats().parsed).toBe(0);
    expect(again.blobStats().loaded).toBe(6);
    expect(again.current()!.roleHistory(TEAM_LEAD).map((v) => v.change)).toEqual(['MODIFIED', 'ADDED']);
  });

  it('detects a corrupted cache entry and parses that page again', async () => {
    // Every page the first indexer parsed went to one pack, appended refresh after refresh.
    const packs = listFiles(path.join(cacheDir, 'parsed')).filter((f) => f.endsWith('.rg'));
    expect(packs).toHaveLength(1);
    const raw = fs.readFileSync(packs[0]);
    expect(raw.toString('latin1').split('RGR1')).toHaveLength(7); // six records
    const damaged = Buffer.from(raw.subarray(0, raw.length - 40)); // the last record torn mid-body
    const at = damaged.indexOf('"title"');
    damaged.write('"TITLE"', at, 'utf8'); // the first record: same length, wrong checksum
    fs.writeFileSync(packs[0], damaged);
    // Without the value table, which holds these pages itself (tests/index/store/valueTable.test.ts).
    for (const f of listFiles(path.join(cacheDir, 'parsed')).filter((f) => f.endsWith('.rgt'))) fs.rmSync(f);
    const again = newIndexer(cacheDir);
    await again.refresh();
    expect(again.blobStats()).toMatchObject({ parsed: 2, loaded: 4, corrupt: 2 });
    expect(again.current()!.head.roleById.get(TEAM_LEAD)!.grade).toBe(6);
    await again.close();
    // Repaired on disk (the damaged pack rewritten without its bad records, the two pages parsed
    // again in a new pack): the next start parses nothing and finds no damage.
    expect(fs.existsSync(packs[0])).toBe(false);
    const third = newIndexer(cacheDir);
    await third.refresh();
    expect(third.blobStats()).toMatchObject({ parsed: 0, loaded: 6, corrupt: 0 });
    await third.close();
  });

  it('keeps serving the last good view when a refresh fails, and fails only without one', async () => {
    const real = createGitSource({ remote: repo.dir, branch: 'main', cacheDir: tempDir() });
    let failing = true;
    const flaky = { ...real, update: () => (failing ? Promise.reject(new Error('remote unreachable')) : real.update()) };
    const indexer = createIndexer({ source: flaky, cacheDir: tempDir(), url: repo.dir, branch: 'main' });
    indexers.push(indexer);
    await expect(indexer.refresh()).rejects.toThrow('remote unreachable');
    expect(indexer.status()).toMatchObject({ phase: 'failed', lastError: 'remote unreachable', head: null });
    failing = false;
    await indexer.refresh();
    const good = indexer.current();
    expect(indexer.status()).toMatchObject({ phase: 'ready', lastError: null });
    failing = true;
    await expect(indexer.refresh()).rejects.toThrow('remote unreachable');
    expect(indexer.current()).toBe(good);
    // Failed, as the schema's RepositoryStatus promises, while the last good view still serves.
    expect(indexer.status()).toMatchObject({ phase: 'failed', lastError: 'remote unreachable' });
    expect(indexer.status().head!.sha).toBe(good!.head.commit.sha);
  });
});

/** A MemorySource whose fetch waits until the test opens the gate, so a refresh can be caught mid-way. */
class GatedSource extends MemorySource {
  private opened: Promise<void> = Promise.resolve();
  open: () => void = () => undefined;

  closeGate(): void {
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  override async update(): Promise<string> {
    await this.opened;
    return super.update();
  }
}

describe('one refresh at a time, one queue', () => {
  it('refuses a refresh while one runs; the refresher queues and coalesces instead', async () => {
    const source = new GatedSource([{ files: { [HV_PATH]: HV_SEED } }]);
    const indexer = createIndexer({ source, cacheDir: tempDir(), contentDir: 'content/job-families', url: 'memory', branch: 'main' });
    indexers.push(indexer);
    source.closeGate();
    const first = indexer.refresh();
    expect(indexer.status()).toMatchObject({ phase: 'cloning', progress: { stage: 'fetch', done: 0, total: 1 } });
    await expect(indexer.refresh()).rejects.toThrow(RefreshRunningError);
    await expect(indexer.refresh()).rejects.toMatchObject({ code: 'REFRESH_RUNNING' });
    source.open();
    expect((await first).head.sha).toBe(source.steps[0].commit.sha);
    expect(indexer.status().phase).toBe('ready');

    const refresher = createRefresher(indexer, { pollSeconds: 0 });
    source.closeGate();
    const triggered = [refresher.trigger('a'), refresher.trigger('b'), refresher.trigger('c')];
    source.open();
    const results = await Promise.all(triggered);
    expect(results.map((r) => r?.head.sha)).toEqual([source.steps[0].commit.sha, source.steps[0].commit.sha, source.steps[0].commit.sha]);
    expect(refresher.stats()).toMatchObject({ refreshes: 2, coalesced: 1, failures: 0 });
    await refresher.stop();
  });

  it('close waits for the refresh in flight, then refuses new ones', async () => {
    const source = new GatedSource([{ files: { [HV_PATH]: HV_SEED } }]);
    const indexer = createIndexer({ source, cacheDir: tempDir(), contentDir: 'content/job-families', url: 'memory', branch: 'main' });
    source.closeGate();
    const refreshed = indexer.refresh();
    let closed = false;
    const closing = indexer.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    source.open();
    await closing;
    expect((await refreshed).head.sha).toBe(source.steps[0].commit.sha);
    expect(indexer.current()!.head.commit.sha).toBe(source.steps[0].commit.sha);
    await expect(indexer.refresh()).rejects.toThrow('indexer is closed');
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
