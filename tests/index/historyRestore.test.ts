// The role chains persisted in the cache folder (historyCodec.ts, store/historyStore.ts): a restart
// restores them instead of rebuilding, and then answers every role history, snapshot and diff
// exactly as a fresh build over the same repository does. Real git histories: the corpus's 31
// commits (a family renamed) and the rename history (retitles, a family moved with git mv). A
// damaged, foreign or stale file is rebuilt from the timeline; an older one is restored and extended.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../src/index/indexer';
import { PARSER_VERSION } from '../../src/index/store/blobCache';
import { TABLE_FILE } from '../../src/index/store/valueTable';
import { encodeHistoryText, historyText } from '../../src/index/historyCodec';
import * as historyStore from '../../src/index/store/historyStore';
import { historyFile, loadStoredHistory, saveStoredHistory } from '../../src/index/store/historyStore';
import type { BuiltView } from '../../src/index/view';
import { collectGarbage } from '../helpers/collectGarbage';
import { buildCorpusHistory, type TestRepo } from '../helpers/makeRepo';
import { makeRenameHistory, RENAME_COMMITS, SALES, TAM_PATH, TAM_V3 } from './renameHistory';

const CONTENT_DIR = 'content/job-families';
const temps: string[] = [];
const open: IndexerWithStats[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-history-'));
  temps.push(dir);
  return dir;
}

/** An indexer of `repoDir` with its cache in `cacheDir`, logging into `events` (closed by closeAll). */
function openIndexer(repoDir: string, cacheDir: string, events: Array<Record<string, unknown>>): IndexerWithStats {
  const indexer = createIndexer({
    source: createGitSource({ remote: repoDir, branch: 'main', cacheDir }),
    cacheDir,
    url: repoDir,
    branch: 'main',
    contentDir: CONTENT_DIR,
    log: (event) => events.push(event),
    parsePool: false,
  });
  open.push(indexer);
  return indexer;
}

/** An indexed view of `repoDir` with its cache in `cacheDir`, and the log events of that start. */
async function start(repoDir: string, cacheDir: string): Promise<{ indexer: IndexerWithStats; view: BuiltView; events: Array<Record<string, unknown>> }> {
  const events: Array<Record<string, unknown>> = [];
  const indexer = openIndexer(repoDir, cacheDir, events);
  await indexer.refresh();
  await indexer.persisted();
  return { indexer, view: indexer.current() as BuiltView, events };
}

async function closeAll(): Promise<void> {
  while (open.length > 0) await open.pop()!.close();
}

/** The value tables in the cache folder's parse cache (one folder per parser version and content folder). */
function tableFiles(cacheDir: string): string[] {
  const parsed = path.join(cacheDir, 'parsed');
  if (!fs.existsSync(parsed)) return [];
  return fs.readdirSync(parsed).flatMap((dir) => fs.readdirSync(path.join(parsed, dir)).filter((name) => name === TABLE_FILE));
}

const historyEvents = (events: ReadonlyArray<Record<string, unknown>>) => events.filter((e) => String(e.event).startsWith('history-'));
const saved = (commits: number) => ({ event: 'history-saved', commits, ms: expect.any(Number) });

/** Every answer the chains feed, compared deeply: histories (changes and blame included), snapshots, diffs. */
async function expectSameAnswers(warm: BuiltView, fresh: BuiltView): Promise<void> {
  expect(warm.timeline).toEqual(fresh.timeline);
  const ids = [...fresh.history.roleVersions.keys()];
  expect([...warm.history.roleVersions.keys()]).toEqual(ids);
  // A restored version has the build's keys in the build's order before its changes are first read
  // (they are computed then), and a plain property holding them after.
  for (const id of ids) expect(warm.roleHistory(id).map((v) => Object.keys(v))).toEqual(fresh.roleHistory(id).map((v) => Object.keys(v)));
  for (const id of ids) expect(warm.roleHistory(id)).toEqual(fresh.roleHistory(id));
  for (const id of ids) {
    const built = fresh.roleHistory(id);
    warm.roleHistory(id).forEach((version, i) => {
      expect(Object.getOwnPropertyDescriptor(version, 'changes')).toEqual({ value: version.changes, writable: true, enumerable: true, configurable: true });
      expect(Object.keys(version)).toEqual(Object.keys(built[i]!));
    });
  }
  // Former ids answer with the very chain of their current id, as in a build.
  for (const a of ids) {
    for (const b of ids) expect(warm.roleHistory(a) === warm.roleHistory(b)).toBe(fresh.roleHistory(a) === fresh.roleHistory(b));
  }
  expect(warm.history.renames).toEqual(fresh.history.renames);
  expect(warm.history.positionsBySlug).toEqual(fresh.history.positionsBySlug);
  expect(warm.history.positionsByPath).toEqual(fresh.history.positionsByPath);
  expect(warm.history.contentPositions).toEqual(fresh.history.contentPositions);
  expect(warm.history.state).toEqual(fresh.history.state);
  for (const slug of fresh.history.positionsBySlug.keys()) expect(warm.commitsTouching(slug)).toEqual(fresh.commitsTouching(slug));
  const first = fresh.timeline[0];
  for (const commit of fresh.timeline) {
    const at = warm.timeline[commit.position];
    expect(await warm.snapshotAt(at)).toEqual(await fresh.snapshotAt(commit));
    expect(await warm.diff(warm.timeline[0], at)).toEqual(await fresh.diff(first, commit));
    if (commit.position > 0) expect(await warm.diff(warm.timeline[commit.position - 1], at)).toEqual(await fresh.diff(fresh.timeline[commit.position - 1], commit));
  }
}

/**
 * Restored roles are the objects the page store serves, not copies: pages share equal values, so a
 * role whose newest version equals its head snapshot's role is that very object.
 */
function expectSharedRoles(view: BuiltView): void {
  let checked = 0;
  for (const role of view.head.roles) {
    const newest = view.roleHistory(role.id)[0];
    if (!newest || newest.change === 'REMOVED' || newest.role.id !== role.id || JSON.stringify(newest.role) !== JSON.stringify(role)) continue;
    expect(newest.role).toBe(role);
    checked += 1;
  }
  expect(checked).toBeGreaterThan(10);
}

/**
 * What each version's blame shares with the version before it in its chain, as the build made it:
 * the whole blame, or which entries (by index in the list before). A restore must share the same.
 */
function blameSharing(view: BuiltView): unknown[] {
  const out: unknown[] = [];
  for (const chain of new Set(view.history.roleVersions.values())) {
    chain.forEach((version, i) => {
      const before = chain[i + 1];
      if (!before) return;
      if (version.blame === before.blame) return out.push('whole');
      const kept = (list: readonly object[], was: readonly object[]) => list.map((entry) => was.indexOf(entry));
      out.push([kept(version.blame.responsibilities, before.blame.responsibilities), kept(version.blame.requirements, before.blame.requirements)]);
    });
  }
  return out;
}

/** The same sharing, and some of each kind, so the comparison can fail. */
function expectSameBlameSharing(warm: BuiltView, fresh: BuiltView): void {
  const built = blameSharing(fresh);
  expect(blameSharing(warm)).toEqual(built);
  expect(built).toContain('whole');
  expect(built.some((row) => Array.isArray(row) && (row as number[][]).flat().some((k) => k >= 0))).toBe(true);
}

afterEach(closeAll);
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the corpus history (31 commits, a family renamed)', () => {
  let repoDir: string;
  beforeAll(() => {
    repoDir = buildCorpusHistory();
    temps.push(repoDir);
  });

  it('restores the chains at a warm start, skipping the build, and answers as a fresh build', async () => {
    const cacheDir = tempDir();
    const cold = await start(repoDir, cacheDir);
    expect(historyEvents(cold.events)).toEqual([saved(31)]);
    await closeAll();
    expect(fs.existsSync(historyFile(cacheDir))).toBe(true);

    const warm = await start(repoDir, cacheDir);
    expect(historyEvents(warm.events)).toEqual([{ event: 'history-from-cache', commits: 31, extended: 0 }]);
    const fresh = await start(repoDir, tempDir());
    await expectSameAnswers(warm.view, fresh.view);
    expectSharedRoles(warm.view);
    expectSameBlameSharing(warm.view, fresh.view);
  });
  it('serves before it writes: refresh resolves at the swap, and persisted() once the chains and the value table are on disk', async () => {
    const cacheDir = tempDir();
    const events: Array<Record<string, unknown>> = [];
    const indexer = openIndexer(repoDir, cacheDir, events);
    await indexer.refresh();
    // Serving the repository's head already, with neither file written yet.
    const head = execFileSync('git', ['-C', repoDir, 'rev-parse', 'refs/heads/main'], { encoding: 'utf8' }).trim();
    expect(indexer.current()?.head.commit.sha).toBe(head);
    expect(historyEvents(events)).toEqual([]);
    expect(fs.existsSync(historyFile(cacheDir))).toBe(false);
    expect(tableFiles(cacheDir)).toEqual([]);
    await indexer.persisted();
    expect(historyEvents(events)).toEqual([saved(31)]);
    expect(fs.existsSync(historyFile(cacheDir))).toBe(true);
    expect(tableFiles(cacheDir)).toEqual([TABLE_FILE]);
  });
  it('writes the files after serving the stored index when the remote is unreachable, as after a swap', async () => {
    // A copy, so the remote can go away without taking the other tests' repository with it.
    const remote = path.join(tempDir(), 'remote');
    execFileSync('git', ['clone', '-q', '--bare', repoDir, remote]);
    const cacheDir = tempDir();
    await start(remote, cacheDir);
    await closeAll();
    fs.rmSync(historyFile(cacheDir));
    for (const dir of fs.readdirSync(path.join(cacheDir, 'parsed'))) fs.rmSync(path.join(cacheDir, 'parsed', dir, TABLE_FILE), { force: true });
    expect(tableFiles(cacheDir)).toEqual([]);
    fs.rmSync(remote, { recursive: true });

    const events: Array<Record<string, unknown>> = [];
    const indexer = openIndexer(remote, cacheDir, events);
    await expect(indexer.refresh()).rejects.toThrow();
    expect(events.map((e) => e.event)).toContain('index-from-cache');
    expect(indexer.current()?.timeline).toHaveLength(31);
    await indexer.persisted();
    expect(historyEvents(events)).toEqual([saved(31)]);
    expect(tableFiles(cacheDir)).toEqual([TABLE_FILE]);
  });
  it('writes the same text in parts of any size, and a warm start restores a file written a version per part', async () => {
    const cacheDir = tempDir();
    const { view } = await start(repoDir, cacheDir);
    await closeAll();
    // The page versions the chains name, as the page store served them (snapshot families keep their roles' array).
    const pages = new Map<string, BuiltView['head']['families'][number]>();
    for (const commit of view.timeline) for (const family of (await view.snapshotAt(commit)).families) pages.set(`${family.path}\0${family.blob}`, family);
    const lookup = (pagePath: string, blob: string) => pages.get(`${pagePath}\0${blob}`);
    const perVersion = encodeHistoryText(view.history, view.timeline, lookup, 1);
    const parts = [...perVersion.parts];
    const whole = JSON.parse([...encodeHistoryText(view.history, view.timeline, lookup).parts].join(''));
    expect(whole.versions.length).toBeGreaterThan(20);
    expect(parts.length).toBeGreaterThan(whole.versions.length / 2);
    expect(JSON.parse(parts.join(''))).toEqual(whole);

    await saveStoredHistory(cacheDir, CONTENT_DIR, PARSER_VERSION, perVersion);
    const warm = await start(repoDir, cacheDir);
    expect(historyEvents(warm.events)).toEqual([{ event: 'history-from-cache', commits: 31, extended: 0 }]);
    await expectSameAnswers(warm.view, view);
  });
});

describe('the rename history (retitles, a family moved)', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = makeRenameHistory().repo;
    temps.push(repo.dir);
  });

  it('answers as a fresh build after a warm start, retitles and moves included', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    const warm = await start(repo.dir, cacheDir);
    expect(historyEvents(warm.events)).toEqual([{ event: 'history-from-cache', commits: RENAME_COMMITS.length, extended: 0 }]);
    expect(warm.view.history.renames.length).toBeGreaterThan(1);
    const fresh = (await start(repo.dir, tempDir())).view;
    await expectSameAnswers(warm.view, fresh);
    expectSameBlameSharing(warm.view, fresh);
  });

  it('lets the stored history go once its chains are restored: the view keeps what it decoded, not the file', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    let file: WeakRef<object> | null = null;
    const original = historyStore.loadStoredHistory;
    const load = jest.spyOn(historyStore, 'loadStoredHistory').mockImplementation(async (...args) => {
      const loaded = await original(...args);
      if ('history' in loaded) file = new WeakRef(loaded.history);
      return loaded;
    });
    try {
      const warm = await start(repo.dir, cacheDir);
      expect(historyEvents(warm.events)).toEqual([{ event: 'history-from-cache', commits: RENAME_COMMITS.length, extended: 0 }]);
      expect(file).not.toBeNull();
      load.mockClear(); // the spy's own record of what it returned would hold the file
      collectGarbage();
      expect(warm.indexer.current()).toBe(warm.view);
      expect(file!.deref()).toBeUndefined();
    } finally {
      load.mockRestore();
    }
  });

  it('continues correctly when a refresh extends a warm-started view', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    const warm = await start(repo.dir, cacheDir);
    repo.commit({ message: 'CSM: a bullet more', files: { [TAM_PATH]: TAM_V3.replace('## Requirements', '## Requirements\n\n- Speaks to customers every week') } });
    repo.commit({ message: 'Remove the TAM page', files: { [TAM_PATH]: null } });
    const seen = historyEvents(warm.events).length;
    await warm.indexer.refresh();
    const extended = warm.indexer.current() as BuiltView;
    expect(extended.timeline.length).toBe(RENAME_COMMITS.length + 2);
    await expectSameAnswers(extended, (await start(repo.dir, tempDir())).view);
    // An incremental refresh leaves the file (rewriting it costs the whole history); close stores it.
    expect(historyEvents(warm.events).slice(seen)).toEqual([]);
    await closeAll();
    expect(historyEvents(warm.events).slice(seen)).toEqual([saved(RENAME_COMMITS.length + 2)]);
    const next = await start(repo.dir, cacheDir);
    expect(historyEvents(next.events)).toEqual([{ event: 'history-from-cache', commits: RENAME_COMMITS.length + 2, extended: 0 }]);
  });

  it('restores an older history and extends it with the commits after it', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    repo.commit({ message: 'A new family', files: { [`${SALES}/renewals.md`]: '# Renewals Manager\n\n## Responsibilities\n\n- Renew contracts\n' } });
    const warm = await start(repo.dir, cacheDir);
    // A start that extended the stored chains stores them again at once, so the next start restores all of it.
    expect(historyEvents(warm.events)).toEqual([{ event: 'history-from-cache', commits: RENAME_COMMITS.length, extended: 1 }, saved(RENAME_COMMITS.length + 1)]);
    await expectSameAnswers(warm.view, (await start(repo.dir, tempDir())).view);
    await closeAll();
    const next = await start(repo.dir, cacheDir);
    expect(historyEvents(next.events)).toEqual([{ event: 'history-from-cache', commits: RENAME_COMMITS.length + 1, extended: 0 }]);
  });

  it('rebuilds from a damaged file, and stores a good one again', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    const file = historyFile(cacheDir);
    const raw = fs.readFileSync(file);
    raw[raw.length - 10] ^= 0x20;
    fs.writeFileSync(file, raw);
    const warm = await start(repo.dir, cacheDir);
    expect(historyEvents(warm.events)).toEqual([{ event: 'history-rebuilt', reason: 'damaged (checksum or length)' }, saved(RENAME_COMMITS.length)]);
    await expectSameAnswers(warm.view, (await start(repo.dir, tempDir())).view);
    expect('history' in (await loadStoredHistory(cacheDir, CONTENT_DIR, PARSER_VERSION))).toBe(true);
  });

  it('rebuilds from a file of another content folder or parser version', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    const stored = await loadStoredHistory(cacheDir, CONTENT_DIR, PARSER_VERSION);
    if (!('history' in stored)) throw new Error('no history stored');
    await saveStoredHistory(cacheDir, 'content/other', PARSER_VERSION, historyText(stored.history));
    const foreign = await start(repo.dir, cacheDir);
    expect(historyEvents(foreign.events)).toEqual([{ event: 'history-rebuilt', reason: 'of content folder content/other' }, saved(RENAME_COMMITS.length)]);
    await closeAll();
    await saveStoredHistory(cacheDir, CONTENT_DIR, 'parser-0', historyText(stored.history));
    const older = await start(repo.dir, cacheDir);
    expect(historyEvents(older.events)).toEqual([{ event: 'history-rebuilt', reason: `parsed by parser-0, not ${PARSER_VERSION}` }, saved(RENAME_COMMITS.length)]);
    await expectSameAnswers(older.view, (await start(repo.dir, tempDir())).view);
  });

  it('rebuilds when the branch was rewritten under the stored head', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    repo.git('reset', '--hard', 'HEAD~2');
    repo.commit({ message: 'Another ending', files: { [`${SALES}/renewals.md`]: '# Renewals Manager\n\n## Responsibilities\n\n- Renew contracts\n' } });
    const rewritten = await start(repo.dir, cacheDir);
    expect(historyEvents(rewritten.events)).toEqual([{ event: 'history-rebuilt', reason: 'the timeline does not hold the head the history was saved at' }, saved(RENAME_COMMITS.length - 1)]);
    await expectSameAnswers(rewritten.view, (await start(repo.dir, tempDir())).view);
  });

  it('rebuilds when a page the file names is not in the page store', async () => {
    const cacheDir = tempDir();
    await start(repo.dir, cacheDir);
    await closeAll();
    const stored = await loadStoredHistory(cacheDir, CONTENT_DIR, PARSER_VERSION);
    if (!('history' in stored)) throw new Error('no history stored');
    const blob = stored.history.versions[0][3];
    stored.history.strings[blob] = '0'.repeat(40);
    await saveStoredHistory(cacheDir, CONTENT_DIR, PARSER_VERSION, historyText(stored.history));
    const warm = await start(repo.dir, cacheDir);
    expect(historyEvents(warm.events)).toEqual([{ event: 'history-rebuilt', reason: expect.stringMatching(/is not in the page store$/) }, saved(RENAME_COMMITS.length)]);
    await expectSameAnswers(warm.view, (await start(repo.dir, tempDir())).view);
  });
});
