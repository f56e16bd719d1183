import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readTimeline } from '../../src/git/timeline';
import { buildCorpusHistory, makeRepo, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

describe('readTimeline over the corpus history', () => {
  let dir: string;
  beforeAll(() => {
    dir = buildCorpusHistory();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('returns all 31 first-parent commits oldest first, with positions and metadata', async () => {
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const steps = await readTimeline({ gitDir: path.join(dir, '.git'), head, contentDir: CONTENT });
    expect(steps).toHaveLength(31);
    expect(steps.map((s) => s.commit.position)).toEqual([...Array(31).keys()]);
    expect(steps[30].commit.sha).toBe(head);
    expect(steps[0].commit.parents).toEqual([]);
    expect(steps[1].commit.parents).toEqual([steps[0].commit.sha]);
    expect(steps[0].commit.authorName).toBe('Handbook Import');
    expect(steps[0].commit.authorEmail).toBe('handbook-import@example.com');
    expect(steps[0].commit.date).toBe('2019-03-04T09:00:00+00:00');
    expect(steps[0].commit.message).toBe('Import Middleman-era job families (sales, engineering, marketing, people, finance)');

    // First commit: everything added, diffed against the empty tree.
    expect(steps[0].changes).toHaveLength(11);
    for (const change of steps[0].changes) {
      expect(change.status).toBe('A');
      expect(change.oldPath).toBeNull();
      expect(change.oldBlob).toBeNull();
      expect(change.newBlob).toMatch(/^[0-9a-f]{40}$/);
    }

    // Second commit: pure renames, same blob on both sides.
    const ae = steps[1].changes.find((c) => c.oldPath === `${CONTENT}/sales/account-executive/index.html.md.erb`);
    expect(ae).toEqual({
      status: 'R',
      oldPath: `${CONTENT}/sales/account-executive/index.html.md.erb`,
      newPath: `${CONTENT}/sales/account-executive/index.md`,
      oldBlob: ae?.newBlob,
      newBlob: steps[0].changes.find((c) => c.newPath === `${CONTENT}/sales/account-executive/index.html.md.erb`)?.newBlob,
    });
    expect(steps[1].changes).toHaveLength(6);
    expect(steps[1].changes.every((c) => c.status === 'R' && c.oldBlob === c.newBlob)).toBe(true);

    // Fourth commit: one modification of the renamed file.
    expect(steps[3].changes).toEqual([
      expect.objectContaining({ status: 'M', oldPath: `${CONTENT}/sales/account-executive/index.md`, newPath: `${CONTENT}/sales/account-executive/index.md` }),
    ]);
    expect(steps[3].changes[0].oldBlob).toBe(steps[1].changes.find((c) => c.newPath === `${CONTENT}/sales/account-executive/index.md`)?.newBlob);
  });
});

describe('readTimeline on hand-made histories', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('keeps commits that touch nothing in the content folder, with empty changes', async () => {
    repo = makeRepo([
      { message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } },
      { message: 'outside', files: { 'README.md': 'hi' } },
      { message: 'empty' },
      { message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } },
    ]);
    const steps = await readTimeline({ gitDir: path.join(repo.dir, '.git'), head: repo.head(), contentDir: CONTENT });
    expect(steps.map((s) => s.commit.message)).toEqual(['one', 'outside', 'empty', 'two']);
    expect(steps.map((s) => s.changes.length)).toEqual([1, 0, 0, 1]);
    expect(steps[3].changes[0].status).toBe('M');
  });

  it('reads paths with spaces, unicode, quotes and newlines exactly', async () => {
    const names = [`${CONTENT}/sales/with space.md`, `${CONTENT}/people/ünïcødé–role.md`, `${CONTENT}/x/"quoted"\ttab.md`, `${CONTENT}/x/new\nline.md`];
    repo = makeRepo([{ message: 'odd names', files: Object.fromEntries(names.map((n) => [n, n])) }]);
    const steps = await readTimeline({ gitDir: path.join(repo.dir, '.git'), head: repo.head(), contentDir: CONTENT });
    expect(steps[0].changes.map((c) => c.newPath).sort()).toEqual([...names].sort());
  });

  it('reports deletes, and a message with blank lines and a trailing body', async () => {
    repo = makeRepo([
      { message: 'add', files: { [`${CONTENT}/a.md`]: 'a', [`${CONTENT}/b.md`]: 'b' } },
      { message: 'subject\n\nbody line\n\nmore', files: { [`${CONTENT}/b.md`]: null } },
    ]);
    const steps = await readTimeline({ gitDir: path.join(repo.dir, '.git'), head: repo.head(), contentDir: CONTENT });
    expect(steps[1].commit.message).toBe('subject\n\nbody line\n\nmore');
    expect(steps[1].changes).toEqual([
      { status: 'D', oldPath: `${CONTENT}/b.md`, newPath: null, oldBlob: steps[0].changes[1].newBlob, newBlob: null },
    ]);
  });

  it('follows first parents only and diffs a merge against its first parent', async () => {
    repo = makeRepo([{ message: 'base', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ message: 'side 1', files: { [`${CONTENT}/side.md`]: 'side' } });
    repo.commit({ message: 'side 2', files: { [`${CONTENT}/side.md`]: 'side 2' } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ message: 'main work', files: { [`${CONTENT}/a.md`]: 'a2' } });
    repo.git('-c', 'user.name=T', '-c', 'user.email=t@e', 'merge', '-q', '--no-ff', '--no-edit', 'side');
    const steps = await readTimeline({ gitDir: path.join(repo.dir, '.git'), head: repo.head(), contentDir: CONTENT });
    expect(steps.map((s) => s.commit.message)).toEqual(['base', 'main work', "Merge branch 'side'"]);
    expect(steps[2].commit.parents).toHaveLength(2);
    expect(steps[2].changes).toEqual([expect.objectContaining({ status: 'A', newPath: `${CONTENT}/side.md` })]);
  });

  it('never reports a symlink as a page: added symlinks are skipped, file→symlink is a delete', async () => {
    repo = makeRepo([{ message: 'add', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    fs.symlinkSync('/etc/passwd', path.join(repo.dir, CONTENT, 'link.md'));
    repo.git('add', '--', `${CONTENT}/link.md`);
    repo.commit({ message: 'symlink' });
    fs.rmSync(path.join(repo.dir, CONTENT, 'a.md'));
    fs.symlinkSync('/etc/hostname', path.join(repo.dir, CONTENT, 'a.md'));
    repo.git('add', '--', `${CONTENT}/a.md`);
    repo.commit({ message: 'replace with symlink' });
    const steps = await readTimeline({ gitDir: path.join(repo.dir, '.git'), head: repo.head(), contentDir: CONTENT });
    expect(steps[1].changes).toEqual([]);
    expect(steps[2].changes).toEqual([expect.objectContaining({ status: 'D', oldPath: `${CONTENT}/a.md`, newPath: null })]);
  });

  it('treats the content folder as a literal path, not a glob', async () => {
    repo = makeRepo([{ message: 'add', files: { 'content/job-families/a.md': 'a', 'content/job-familiesX/b.md': 'b' } }]);
    const gitDir = path.join(repo.dir, '.git');
    const steps = await readTimeline({ gitDir, head: repo.head(), contentDir: 'content/job-famil*' });
    expect(steps[0].changes).toEqual([]);
    const plain = await readTimeline({ gitDir, head: repo.head(), contentDir: 'content/job-families/' });
    expect(plain[0].changes.map((c) => c.newPath)).toEqual(['content/job-families/a.md']);
  });

  it('rejects a content folder that climbs out and a head that is not a full sha', async () => {
    repo = makeRepo([{ message: 'add', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    const gitDir = path.join(repo.dir, '.git');
    await expect(readTimeline({ gitDir, head: repo.head(), contentDir: '../x' })).rejects.toMatchObject({ code: 'GIT_FAILED' });
    await expect(readTimeline({ gitDir, head: 'main', contentDir: CONTENT })).rejects.toMatchObject({ code: 'BAD_REF' });
  });
});

describe('readTimeline since a commit already read', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('returns only the first-parent steps after `since`, numbered from 0, the first one parented on it', async () => {
    repo = makeRepo([
      { message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } },
      { message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } },
      { message: 'three', files: { [`${CONTENT}/b.md`]: 'c' } },
      { message: 'outside', files: { 'README.md': 'hi' } },
    ]);
    const gitDir = path.join(repo.dir, '.git');
    const all = await readTimeline({ gitDir, head: repo.head(), contentDir: CONTENT });
    const since = all[1].commit.sha;
    const tail = await readTimeline({ gitDir, head: repo.head(), contentDir: CONTENT, since });
    expect(tail.map((s) => s.commit.message)).toEqual(['three', 'outside']);
    expect(tail.map((s) => s.commit.position)).toEqual([0, 1]);
    expect(tail[0].commit.parents[0]).toBe(since);
    // Same steps as the full read, apart from the positions.
    expect(tail.map((s) => s.changes)).toEqual(all.slice(2).map((s) => s.changes));
    expect(await readTimeline({ gitDir, head: repo.head(), contentDir: CONTENT, since: repo.head() })).toEqual([]);
  });

  it('after a merge, reads the merge as one step diffed against its first parent', async () => {
    repo = makeRepo([{ message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    const since = repo.head();
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit({ message: 'topic work', files: { [`${CONTENT}/t.md`]: 't' } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ message: 'main work', files: { [`${CONTENT}/m.md`]: 'm' } });
    repo.git('merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
    const tail = await readTimeline({ gitDir: path.join(repo.dir, '.git'), head: repo.head(), contentDir: CONTENT, since });
    expect(tail.map((s) => s.commit.message)).toEqual(['main work', 'merge topic']);
    expect(tail[1].changes.map((c) => [c.status, c.newPath])).toEqual([['A', `${CONTENT}/t.md`]]);
  });

  it('refuses a `since` that is not a full commit id before running git', async () => {
    repo = makeRepo([{ message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    const gitDir = path.join(repo.dir, '.git');
    for (const since of ['--output=/tmp/x', 'HEAD~1', repo.head().slice(0, 12), `${repo.head()}..HEAD`, '']) {
      await expect(readTimeline({ gitDir, head: repo.head(), contentDir: CONTENT, since })).rejects.toMatchObject({ code: 'BAD_REF' });
    }
  });
});
