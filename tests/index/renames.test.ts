// Identity across renames on a real git history: the Technical Account Manager family retitled
// Customer Success Manager in one commit (three roles, reports-to lines changed with them), the
// "Director of Digital Experience" retitled "Director, Digital Experience", and that family's page
// moved from engineering/ to product/ with `git mv`. Histories, diffs and item blame run through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import type { IndexView } from '../../src/index/types';
import { FIXTURES_DIR, makeRepo, type TestRepo } from '../helpers/makeRepo';
import { edit } from './realPages';

const SALES = 'content/job-families/sales';
const TAM_PATH = `${SALES}/technical-account-manager.md`;
const FAMILY = 'sales/technical-account-manager';
const TAM = `${FAMILY}#technical-account-manager`;
const CSM = `${FAMILY}#customer-success-manager`;
const SENIOR_TAM = `${FAMILY}#senior-technical-account-manager`;
const SENIOR_CSM = `${FAMILY}#senior-customer-success-manager`;
const TAM_MANAGER = `${FAMILY}#manager-technical-account-management`;
const CSM_MANAGER = `${FAMILY}#manager-customer-success`;
const DX_OLD = 'engineering/digital-experience#director-of-digital-experience';
const DX_RETITLED = 'engineering/digital-experience#director-digital-experience';
const DX_MOVED = 'product/digital-experience#director-digital-experience';

const read = (name: string) => fs.readFileSync(path.join(FIXTURES_DIR, 'renames', name), 'utf8');
const TAM_V1 = read('technical-account-manager.md');
const ADDED_BULLET = '- Run quarterly health checks of the customer instance with the support team';
const TAM_V2 = edit(TAM_V1, '- Identify expansion opportunities and hand them to the account team\n', `- Identify expansion opportunities and hand them to the account team\n${ADDED_BULLET}\n`);
const EDITED_FROM = '- Establish regular cadence calls with customers to review adoption, use cases and roadmap';
const EDITED_TO = '- Establish regular cadence calls with customers to review adoption, use cases and product roadmap';
// The retitle: every title and reports-to sentence at once, and one bullet reworded on the way.
const TAM_V3 = edit(
  TAM_V2.replaceAll('Technical Account Management', 'Customer Success').replaceAll('Manager, Customer Success reports to the Director of Customer Success', 'Manager, Customer Success reports to the VP of Customer Success').replaceAll('Technical Account Manager', 'Customer Success Manager'),
  EDITED_FROM,
  EDITED_TO,
);
const DX_V1 = read('digital-experience.md');
const DX_V2 = DX_V1.replaceAll('Director of Digital Experience', 'Director, Digital Experience');

let repo: TestRepo;
let shas: string[];
let view: IndexView;
let indexer: IndexerWithStats;
let cacheDir: string;

beforeAll(async () => {
  expect(TAM_V3).toContain(EDITED_TO);
  expect(TAM_V3).not.toContain('Technical Account');
  repo = makeRepo([
    { message: 'Add the TAM and Digital Experience families', files: { [TAM_PATH]: TAM_V1, 'content/job-families/engineering/digital-experience.md': DX_V1 } },
    { message: 'TAM: health checks', files: { [TAM_PATH]: TAM_V2 } },
    { message: 'Retitle Technical Account Managers as Customer Success Managers', files: { [TAM_PATH]: TAM_V3 } },
    { message: 'Director, Digital Experience', files: { 'content/job-families/engineering/digital-experience.md': DX_V2 } },
    {
      message: 'Digital Experience moves to the product department',
      renames: [['content/job-families/engineering/digital-experience.md', 'content/job-families/product/digital-experience.md']],
    },
  ]);
  shas = repo.git('log', '--reverse', '--format=%H').split('\n');
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
