import fs from 'node:fs';
import path from 'node:path';
import { parseTree, readTree } from '../../src/git/tree';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

describe('readTree', () => {
  let repo: TestRepo;
  afterEach(() => repo.cleanup());

  it('lists regular files under the content folder, recursively, and never a symlink', async () => {
    repo = makeRepo([
      {
        message: 'add',
        files: {
          [`${CONTENT}/sales/a.md`]: 'a',
          [`${CONTENT}/sales/deep/with space.md`]: 'b',
          'README.md': 'outside',
          'content/job-familiesX/c.md': 'sibling folder',
        },
      },
    ]);
    fs.symlinkSync('/etc/passwd', path.join(repo.dir, CONTENT, 'sales', 'passwd.md'));
    fs.symlinkSync('../../README.md', path.join(repo.dir, CONTENT, 'readme-link.md'));
    repo.git('add', '--', CONTENT);
    const head = repo.commit({ message: 'links' });
    const entries = await readTree(path.join(repo.dir, '.git'), head, CONTENT);
    expect(entries).toEqual([
      { path: `${CONTENT}/sales/a.md`, blob: repo.git('rev-parse', `HEAD:${CONTENT}/sales/a.md`) },
      { path: `${CONTENT}/sales/deep/with space.md`, blob: repo.git('rev-parse', `HEAD:${CONTENT}/sales/deep/with space.md`) },
    ]);
  });

  it('returns the tree of an older commit, and nothing when the folder is absent', async () => {
    repo = makeRepo([
      { message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } },
      { message: 'two', files: { [`${CONTENT}/a.md`]: null, [`${CONTENT}/b.md`]: 'b' } },
    ]);
    const gitDir = path.join(repo.dir, '.git');
    const first = repo.git('rev-parse', 'HEAD~1');
    expect((await readTree(gitDir, first, CONTENT)).map((e) => e.path)).toEqual([`${CONTENT}/a.md`]);
    expect((await readTree(gitDir, repo.head(), CONTENT)).map((e) => e.path)).toEqual([`${CONTENT}/b.md`]);
    expect(await readTree(gitDir, repo.head(), 'source/job-families')).toEqual([]);
  });

  it('refuses anything but a full commit id', async () => {
    repo = makeRepo([{ message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    await expect(readTree(path.join(repo.dir, '.git'), 'main', CONTENT)).rejects.toMatchObject({ code: 'BAD_REF' });
    await expect(readTree(path.join(repo.dir, '.git'), '--output=/tmp/x', CONTENT)).rejects.toMatchObject({ code: 'BAD_REF' });
  });
});

describe('parseTree', () => {
  it('keeps blobs with regular modes and drops symlinks, submodules and trees', () => {
    const a = 'a'.repeat(40);
    const out = [
      `100644 blob ${a}\tc/a.md`,
      `100755 blob ${a}\tc/run.md`,
      `120000 blob ${a}\tc/link.md`,
      `160000 commit ${a}\tc/sub`,
      `040000 tree ${a}\tc/dir`,
      '',
    ].join('\0');
    expect(parseTree(out)).toEqual([
      { path: 'c/a.md', blob: a },
      { path: 'c/run.md', blob: a },
    ]);
  });
});
