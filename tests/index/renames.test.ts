// Identity across renames on a real git history (renameHistory.ts: retitles of a whole family, a
// punctuation retitle, a family moved to another folder). Histories, diffs and item blame run through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import type { IndexView } from '../../src/index/types';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';
import {
  ADDED_BULLET, CSM, CSM_MANAGER, DX_MOVED, DX_OLD, DX_RETITLED, EDITED_FROM, EDITED_TO, FAMILY,
  DX_V1, makeRenameHistory, RENAME_COMMITS, SENIOR_CSM, SENIOR_TAM, TAM, TAM_MANAGER, TAM_V1, TAM_V3,
} from './renameHistory';

let repo: TestRepo;
let shas: string[];
let view: IndexView;
let indexer: IndexerWithStats;
let cacheDir: string;

beforeAll(async () => {
  expect(TAM_V3).toContain(EDITED_TO);
  expect(TAM_V3).not.toContain('Technical Account');
  ({ repo, shas } = makeRenameHistory());
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-renames-'));
  indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, url: repo.dir, branch: 'main' });
  await indexer.refresh();
  view = indexer.current()!;
});

afterAll(async () => {
  await indexer.close();
  repo.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('role retitles within a family', () => {
  it('reports each retitled role as one MOVED version with the title and every other field that changed', () => {
    const history = view.roleHistory(CSM);
    expect(history.map((v) => [v.commit.sha, v.change, v.role.id])).toEqual([
      [shas[2], 'MOVED', CSM],
      [shas[1], 'MODIFIED', TAM],
      [shas[0], 'ADDED', TAM],
    ]);
    expect(history[0].previousId).toBe(TAM);
    expect(history[0].changes.map((c) => c.field)).toEqual(['title', 'description', 'responsibilities', 'reportsTo']);
    expect(history[0].changes.find((c) => c.field === 'title')).toMatchObject({ before: 'Technical Account Manager', after: 'Customer Success Manager' });
    expect(history[0].changes.find((c) => c.field === 'reportsTo')).toMatchObject({ before: 'Manager, Technical Account Management', after: 'Manager, Customer Success' });
    expect(history[0].changes.find((c) => c.field === 'responsibilities')).toMatchObject({ added: [EDITED_TO.slice(2)], removed: [EDITED_FROM.slice(2)] });
  });

  it('retitles all three roles of the family in the one commit, the manager with its new manager', () => {
    for (const [before, after] of [[SENIOR_TAM, SENIOR_CSM], [TAM_MANAGER, CSM_MANAGER]]) {
      expect(view.roleHistory(after).map((v) => [v.change, v.role.id])).toEqual([
        ['MOVED', after],
        ['ADDED', before],
      ]);
    }
    expect(view.roleHistory(CSM_MANAGER)[0].changes.find((c) => c.field === 'reportsTo')).toMatchObject({
      before: 'Director of Technical Account Management',
      after: 'VP of Customer Success',
    });
  });

  it('answers the old id with the same chain, and finds the old role at a commit before the retitle', async () => {
    expect(view.roleHistory(TAM)).toBe(view.roleHistory(CSM));
    expect(view.roleHistory(SENIOR_TAM)).toBe(view.roleHistory(SENIOR_CSM));
    const before = await view.snapshotAt(await view.resolveRef(shas[1]));
    expect(before.roleById.get(TAM)!.title).toBe('Technical Account Manager');
    expect(view.head.roleById.has(TAM)).toBe(false);
  });

  it('follows a punctuation retitle: "Director of Digital Experience" → "Director, Digital Experience"', () => {
    const history = view.roleHistory(DX_RETITLED);
    expect(history.map((v) => [v.commit.sha, v.change, v.role.id])).toEqual([
      [shas[4], 'MOVED', DX_MOVED],
      [shas[3], 'MOVED', DX_RETITLED],
      [shas[0], 'ADDED', DX_OLD],
    ]);
    expect(history[1].changes.map((c) => c.field)).toEqual(['title', 'description']);
  });
});

describe('family moves', () => {
  it('continues a family page moved to another folder: its roles MOVED with the path, no REMOVED + ADDED', () => {
    const history = view.roleHistory(DX_MOVED);
    expect(history[0]).toMatchObject({ change: 'MOVED', previousId: DX_RETITLED, path: 'content/job-families/product/digital-experience.md' });
    expect(history[0].changes).toEqual([
      { field: 'path', before: 'content/job-families/engineering/digital-experience.md', after: 'content/job-families/product/digital-experience.md', added: [], removed: [] },
    ]);
    expect(view.roleHistory(DX_OLD)).toBe(history);
  });

  it("lists the page's commits under the new slug, from before the move", () => {
    expect(view.commitsTouching('product/digital-experience').map((c) => c.sha)).toEqual([shas[4], shas[3], shas[0]]);
  });

  it('reports the move in a diff as a MOVED family with both paths and both slugs', async () => {
    const d = await view.diff(await view.resolveRef(shas[3]), view.head.commit);
    expect(d.families).toEqual([
      expect.objectContaining({
        slug: 'product/digital-experience',
        beforeSlug: 'engineering/digital-experience',
        change: 'MOVED',
        beforePath: 'content/job-families/engineering/digital-experience.md',
        afterPath: 'content/job-families/product/digital-experience.md',
      }),
    ]);
  });
});

describe('diffs across renames', () => {
  it('composes several renames: A → B → C reads as A → C, with the title change', async () => {
    const d = await view.diff(await view.resolveRef(shas[0]), view.head.commit);
    const dx = d.roles.find((r) => r.id === DX_MOVED)!;
    expect(dx).toMatchObject({ change: 'MOVED', before: { id: DX_OLD }, after: { id: DX_MOVED } });
    expect(dx.changes.find((c) => c.field === 'title')).toMatchObject({ before: 'Director of Digital Experience', after: 'Director, Digital Experience' });
    expect(d.roles.map((r) => [r.id, r.change])).toEqual([
      [DX_MOVED, 'MOVED'],
      [CSM, 'MOVED'],
      [CSM_MANAGER, 'MOVED'],
      [SENIOR_CSM, 'MOVED'],
    ]);
  });

  it('composes them backwards too: C → A', async () => {
    const d = await view.diff(view.head.commit, await view.resolveRef(shas[0]));
    expect(d.roles.find((r) => r.id === DX_OLD)).toMatchObject({ change: 'MOVED', before: { id: DX_MOVED }, after: { id: DX_OLD } });
    expect(d.families.map((f) => [f.slug, f.beforeSlug, f.change])).toEqual([
      ['engineering/digital-experience', 'product/digital-experience', 'MOVED'],
      [FAMILY, undefined, 'MODIFIED'],
    ]);
  });
});

describe('blame per item', () => {
  it('gives each bullet the commit it first appeared in the chain and the commit of its last edit', () => {
    const blame = view.roleHistory(CSM)[0].blame;
    const of = (text: string) => blame.responsibilities.find((b) => b.key === text)!;
    const untouched = of('Provide immediate on-boarding activities such as installation and training following investment of GitLab');
    expect([untouched.since.sha, untouched.lastChanged.sha]).toEqual([shas[0], shas[0]]);
    const added = of(ADDED_BULLET.slice(2));
    expect([added.since.sha, added.lastChanged.sha]).toEqual([shas[1], shas[1]]);
    const reworded = of(EDITED_TO.slice(2));
    expect([reworded.since.sha, reworded.lastChanged.sha]).toEqual([shas[0], shas[2]]);
    expect(blame.requirements.map((b) => b.since.sha)).toEqual([shas[0], shas[0], shas[0], shas[0]]);
  });
});

describe('refreshing commit by commit', () => {
  it('builds the same chains, former ids and blame as one build over the whole history', async () => {
    const { repo: stepwise } = makeRenameHistory(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-renames-'));
    const again = createIndexer({ source: createGitSource({ remote: stepwise.dir, branch: 'main', cacheDir: dir }), cacheDir: dir, url: stepwise.dir, branch: 'main' });
    try {
      await again.refresh();
      for (const spec of RENAME_COMMITS.slice(1)) {
        stepwise.commit(spec);
        await again.refresh();
      }
      const summary = (v: IndexView, id: string) =>
        v.roleHistory(id).map((x) => [x.change, x.role.id, x.previousId, x.blame.responsibilities.map((b) => [b.key, b.since.position, b.lastChanged.position])]);
      for (const id of [TAM, CSM, SENIOR_CSM, CSM_MANAGER, DX_OLD, DX_RETITLED, DX_MOVED]) {
        expect(summary(again.current()!, id)).toEqual(summary(view, id));
      }
      expect(again.current()!.roleHistory(DX_OLD)).toBe(again.current()!.roleHistory(DX_MOVED));
    } finally {
      await again.close();
      stepwise.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("git's rename threshold decides a family move", () => {
  const ENG = 'content/job-families/engineering/digital-experience.md';
  const PRODUCT = 'content/job-families/product/digital-experience.md';
  const ENG_TAM = 'content/job-families/engineering/technical-account-manager.md';
  const PRODUCT_TAM = 'content/job-families/product/technical-account-manager.md';

  it('follows a move with an edit in the same commit, and leaves a page rewritten beyond recognition as REMOVED + ADDED', async () => {
    const other = makeRepo([
      { message: 'Add', files: { [ENG]: DX_V1, [ENG_TAM]: TAM_V1 } },
      {
        message: 'Move Digital Experience with a regrade; replace the TAM page by an unrelated one',
        renames: [[ENG, PRODUCT]],
        files: { [PRODUCT]: DX_V1.replace('is a [grade 10]', 'is a [grade 11]'), [ENG_TAM]: null, [PRODUCT_TAM]: DX_V1.replaceAll('Digital Experience', 'Account Management') },
      },
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-renames-'));
    const idx = createIndexer({ source: createGitSource({ remote: other.dir, branch: 'main', cacheDir: dir }), cacheDir: dir, url: other.dir, branch: 'main' });
    try {
      await idx.refresh();
      const v = idx.current()!;
      const dx = v.roleHistory('product/digital-experience#director-of-digital-experience');
      expect(dx.map((x) => [x.change, x.role.id])).toEqual([
        ['MOVED', 'product/digital-experience#director-of-digital-experience'],
        ['ADDED', 'engineering/digital-experience#director-of-digital-experience'],
      ]);
      expect(dx[0].changes.map((c) => [c.field, c.before, c.after])).toEqual([
        ['path', ENG, PRODUCT],
        ['grade', '10', '11'],
      ]);
      expect(v.roleHistory('engineering/technical-account-manager#technical-account-manager')[0].change).toBe('REMOVED');
      expect(v.roleHistory('product/technical-account-manager#director-of-account-management').map((x) => x.change)).toEqual(['ADDED']);
    } finally {
      await idx.close();
      other.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
