// Incremental refresh over real git: a view extended commit batch by commit batch must equal a view
// built from scratch at the same head, leave the views before it untouched, read from git only the
// new commits, and fall back to a full rebuild when the history is rewritten.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createGitSource } from '../../src/git/gitSource';
import type { GitSource } from '../../src/git/types';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import { journalFile } from '../../src/index/store/timelineStore';
import type { IndexView } from '../../src/index/types';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';
const SEEDS = [
  'commercial-account-executive.md',
  'director-regional-sales.md',
  'high-velocity-sales-and-first-orders.md',
  'inside-sales-mid-market.md',
  'vp-of-commercial-sales.md',
];
/** A grade in a seed's prose: "is a [grade 7](…)" or "is a grade 6." */
const GRADE = /grade (\d+)/;
/** A list item line, where an extra responsibility can go. */
const BULLET = /^- .*$/m;
/** A level heading, where the last role of a page starts (removing from it drops that role). */
const LAST_LEVEL = /\n## (?![\s\S]*\n## )/;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-incremental-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Counts {
  blobIds: string[];
  timelineCalls: Array<{ head?: string; since?: string }>;
}

/** The real GitSource, with every blob read and timeline call recorded. */
function countedIndexer(repo: TestRepo, cacheDir = tempDir()): { indexer: IndexerWithStats; counts: Counts } {
  const source = createGitSource({ remote: repo.dir, branch: 'main', cacheDir });
  const counts: Counts = { blobIds: [], timelineCalls: [] };
  const counted: GitSource = {
    ...source,
    readBlobs: (ids) => {
      counts.blobIds.push(...ids);
      return source.readBlobs(ids);
    },
    timeline: (dir, head, since) => {
      counts.timelineCalls.push({ head, since });
      return source.timeline(dir, head, since);
    },
  };
  const indexer = createIndexer({ source: counted, cacheDir, contentDir: CONTENT, url: repo.dir, branch: 'main' });
  cleanups.push(() => indexer.close().catch(() => undefined));
  return { indexer, counts };
}

async function scratchView(repo: TestRepo): Promise<IndexView> {
  const { indexer } = countedIndexer(repo);
  await indexer.refresh();
  return indexer.current()!;
}

/** Everything a reader can ask a view, as plain data (snapshots at every commit included). */
async function observe(view: IndexView): Promise<Record<string, unknown>> {
  const roleIds = new Set<string>();
  const slugs = new Set<string>();
  const paths = new Set<string>();
  const snapshots = [];
  for (const commit of view.timeline) {
    const snapshot = await view.snapshotAt(commit);
    for (const role of snapshot.roles) roleIds.add(role.id);
    for (const family of snapshot.families) {
      slugs.add(family.slug);
      paths.add(family.path);
    }
    snapshots.push({ sha: commit.sha, families: snapshot.families.map((f) => [f.slug, f.path, f.blob, f.parentSlug]), edges: snapshot.ladderEdges });
  }
  const history = Object.fromEntries([...roleIds].sort().map((id) => [id, view.roleHistory(id)]));
  const touching = Object.fromEntries([...slugs, ...paths].sort().map((key) => [key, view.commitsTouching(key).map((c) => c.sha)]));
  return {
    timeline: view.timeline,
    head: { families: view.head.families, roles: view.head.roles, edges: view.head.ladderEdges, commit: view.head.commit },
    snapshots,
    history,
    touching,
    allTouching: view.commitsTouching().map((c) => c.sha),
  };
}

type Op =
  | { kind: 'add' | 'remove' | 'rename'; page: number }
  | { kind: 'edit'; page: number; variant: number }
  | { kind: 'outside' | 'empty' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('add' as const, 'remove' as const, 'rename' as const), page: fc.nat(SEEDS.length - 1) }),
  fc.record({ kind: fc.constant('edit' as const), page: fc.nat(SEEDS.length - 1), variant: fc.nat(2) }),
  fc.record({ kind: fc.constantFrom('outside' as const, 'empty' as const) }),
);

/** Applies one operation to the working tree model and commits it (a no-op becomes an empty commit). */
function commitOp(repo: TestRepo, pages: Map<number, { path: string; text: string }>, op: Op, n: number): void {
  const at = 'page' in op ? pages.get(op.page) : undefined;
  const flat = (i: number) => `${CONTENT}/sales/${SEEDS[i]}`;
  if (op.kind === 'add' && !at) {
    const text = seed(SEEDS[op.page]);
    pages.set(op.page, { path: flat(op.page), text });
    repo.commit({ message: `add ${op.page}`, files: { [flat(op.page)]: text } });
  } else if (op.kind === 'remove' && at) {
    pages.delete(op.page);
    repo.commit({ message: `remove ${op.page}`, files: { [at.path]: null } });
  } else if (op.kind === 'rename' && at) {
    // x.md ⇄ x/index.md: the slug stays, so the roles see a MOVED version.
    const to = at.path === flat(op.page) ? flat(op.page).replace(/\.md$/, '/index.md') : flat(op.page);
    pages.set(op.page, { path: to, text: at.text });
    repo.commit({ message: `move ${op.page}`, renames: [[at.path, to]] });
  } else if (op.kind === 'edit' && at) {
    let text = at.text;
    if (op.variant === 0) text = text.replace(GRADE, (_, g: string) => `grade ${Number(g) + 1}`);
    else if (op.variant === 1) text = text.replace(BULLET, (line) => `${line}\n- Added responsibility ${n}`);
    else text = LAST_LEVEL.test(text) ? text.split(LAST_LEVEL)[0] : `${text}\nMore prose ${n}.\n`;
    pages.set(op.page, { path: at.path, text });
    repo.commit({ message: `edit ${op.page}`, files: { [at.path]: text } });
  } else if (op.kind === 'outside') {
    repo.commit({ message: 'outside', files: { 'README.md': `readme ${n}` } });
  } else {
    repo.commit({ message: 'empty' });
  }
}

describe('incremental refresh', () => {
  it('after any sequence of commit batches, equals a from-scratch build and leaves older views as they were', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 4 }), async (batches) => {
        // A family no operation touches, so no history empties the index (an error since issue 11).
        const anchor = { [`${CONTENT}/marketing/${SEEDS[0]}`]: seed(SEEDS[0]) };
        const repo = makeRepo([{ message: 'start', files: { [`${CONTENT}/sales/${SEEDS[2]}`]: seed(SEEDS[2]), ...anchor } }]);
        cleanups.push(() => repo.cleanup());
        const pages = new Map([[2, { path: `${CONTENT}/sales/${SEEDS[2]}`, text: seed(SEEDS[2]) }]]);
        const { indexer, counts } = countedIndexer(repo);
        await indexer.refresh();
        let n = 0;
        for (const batch of batches) {
          const old = indexer.current()!;
          const before = await observe(old);
          for (const op of batch) commitOp(repo, pages, op, n++);
          counts.timelineCalls.length = 0;
          await indexer.refresh();
          // Read only the new commits: one timeline call, from the previous head.
          expect(counts.timelineCalls).toEqual([{ head: repo.head(), since: old.head.commit.sha }]);
          expect(indexer.current()!.timeline).toHaveLength(old.timeline.length + batch.length);
          // Old readers see the old world.
          expect(await observe(old)).toEqual(before);
        }
        expect(await observe(indexer.current()!)).toEqual(await observe(await scratchView(repo)));
      }),
      { numRuns: 4 },
    );
  });

  it('reads and parses only the blobs a one-commit refresh introduced', async () => {
    const repo = makeRepo([
      { message: 'add', files: Object.fromEntries(SEEDS.map((s) => [`${CONTENT}/sales/${s}`, seed(s)])) },
      { message: 'outside', files: { 'README.md': 'x' } },
    ]);
    cleanups.push(() => repo.cleanup());
    const { indexer, counts } = countedIndexer(repo);
    await indexer.refresh();
    expect(counts.blobIds).toHaveLength(SEEDS.length);
    const parsed = indexer.blobStats().parsed;
    const unchanged = `sales/${SEEDS[4].replace(/\.md$/, '')}`;
    const unchangedFamily = indexer.current()!.head.familyBySlug.get(unchanged);
    expect(unchangedFamily).toBeDefined();
    const edited = seed(SEEDS[1]).replace(GRADE, 'grade 11');
    repo.commit({ message: 'regrade the director', files: { [`${CONTENT}/sales/${SEEDS[1]}`]: edited } });
    counts.blobIds.length = 0;
    const result = await indexer.refresh();
    expect(counts.blobIds).toEqual([repo.git('rev-parse', `HEAD:${CONTENT}/sales/${SEEDS[1]}`)]);
    expect(indexer.blobStats().parsed).toBe(parsed + 1);
    expect(result.changedRoleIds).toEqual(['sales/director-regional-sales#director-regional-sales']);
    const view = indexer.current()!;
    expect(view.head.roleById.get('sales/director-regional-sales#director-regional-sales')!.grade).toBe(11);
    expect(view.roleHistory('sales/director-regional-sales#director-regional-sales').map((v) => [v.commit.position, v.change])).toEqual([
      [2, 'MODIFIED'],
      [0, 'ADDED'],
    ]);
    // Families the commit did not touch are the very objects the previous head held.
    expect(counts.timelineCalls.at(-1)!.since).toBe(result.previousHead!.sha);
    expect(view.head.familyBySlug.get(unchanged)).toBe(unchangedFamily);
  });

  it('rebuilds in full after a force-push, and after a merge that left the old head off the first-parent line', async () => {
    const repo = makeRepo([
      { message: 'one', files: { [`${CONTENT}/sales/${SEEDS[0]}`]: seed(SEEDS[0]) } },
      { message: 'two', files: { [`${CONTENT}/sales/${SEEDS[1]}`]: seed(SEEDS[1]) } },
    ]);
    cleanups.push(() => repo.cleanup());
    const base = repo.git('rev-parse', 'HEAD~1');
    const { indexer, counts } = countedIndexer(repo);
    await indexer.refresh();
    const parsed = indexer.blobStats().parsed;

    // Force-push: "two" is replaced by another commit that re-adds the same page plus a new one.
    repo.git('reset', '-q', '--hard', base);
    repo.commit({ message: 'two, again', files: { [`${CONTENT}/sales/${SEEDS[1]}`]: seed(SEEDS[1]), [`${CONTENT}/sales/${SEEDS[3]}`]: seed(SEEDS[3]) } });
    counts.timelineCalls.length = 0;
    await indexer.refresh();
    expect(counts.timelineCalls.at(-1)).toEqual({ head: repo.head(), since: undefined });
    expect(indexer.blobStats().parsed).toBe(parsed + 1); // only the page no version had before
    expect(await observe(indexer.current()!)).toEqual(await observe(await scratchView(repo)));

    // The served head becomes the second parent of a merge: an ancestor, but not on the first-parent line.
    const served = repo.head();
    repo.git('checkout', '-q', '-b', 'side', base);
    repo.commit({ message: 'side', files: { [`${CONTENT}/sales/${SEEDS[4]}`]: seed(SEEDS[4]) } });
    repo.git('merge', '-q', '--no-ff', '-m', 'merge main into side', 'main');
    repo.git('branch', '-q', '-f', 'main', 'side');
    repo.git('checkout', '-q', 'main');
    counts.timelineCalls.length = 0;
    await indexer.refresh();
    expect(counts.timelineCalls.map((c) => c.since)).toEqual([served, undefined]);
    const view = indexer.current()!;
    expect(view.timeline.map((c) => c.message)).toEqual(['one', 'side', 'merge main into side']);
    expect(await observe(view)).toEqual(await observe(await scratchView(repo)));
  });

  it('restarts from the stored timeline and its journal, reading from git only what they lack', async () => {
    const repo = makeRepo([{ message: 'one', files: { [`${CONTENT}/sales/${SEEDS[0]}`]: seed(SEEDS[0]) } }]);
    cleanups.push(() => repo.cleanup());
    const cacheDir = tempDir();
    const first = countedIndexer(repo, cacheDir);
    await first.indexer.refresh();
    repo.commit({ message: 'two', files: { [`${CONTENT}/sales/${SEEDS[1]}`]: seed(SEEDS[1]) } });
    await first.indexer.refresh();
    repo.commit({ message: 'three', files: { 'README.md': 'x' } });
    await first.indexer.refresh();
    expect(fs.readFileSync(journalFile(cacheDir), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    await first.indexer.close();

    // Same head: base + journal answer, git log is not run at all.
    const second = countedIndexer(repo, cacheDir);
    await second.indexer.refresh();
    expect(second.counts.timelineCalls).toEqual([]);
    expect(second.counts.blobIds).toEqual([]);
    expect(await observe(second.indexer.current()!)).toEqual(await observe(await scratchView(repo)));
    await second.indexer.close();

    // A torn line at the end of the journal (a crash mid-append), then one more commit: the stored
    // part is used and only the commits after it are read.
    fs.appendFileSync(journalFile(cacheDir), '\n0123abc {"torn":');
    const stored = repo.head();
    repo.commit({ message: 'four', files: { [`${CONTENT}/sales/${SEEDS[2]}`]: seed(SEEDS[2]) } });
    const third = countedIndexer(repo, cacheDir);
    await third.indexer.refresh();
    expect(third.counts.timelineCalls).toEqual([{ head: repo.head(), since: stored }]);
    expect(await observe(third.indexer.current()!)).toEqual(await observe(await scratchView(repo)));
  });
});
