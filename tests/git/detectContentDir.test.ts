import path from 'node:path';
import { chooseContentDir, detectContentDir } from '../../src/git/detectContentDir';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

describe('chooseContentDir', () => {
  it('picks the first candidate present, in the documented order', () => {
    expect(chooseContentDir(['sites/marketing/source/job-families/a.md', 'source/job-families/b.md'])).toBe('source/job-families');
    expect(chooseContentDir(['sites/marketing/source/job-families'])).toBe('sites/marketing/source/job-families');
    expect(chooseContentDir(['content/job-families/x.md', 'source/job-families/y.md'])).toBe('content/job-families');
  });

  it('does not match a folder that merely starts with a candidate name', () => {
    expect(chooseContentDir(['content/job-families-old/a.md'])).toBeNull();
    expect(chooseContentDir([])).toBeNull();
  });

  it('finds a job-families folder at any depth, the one with the most pages winning', () => {
    const paths = [
      'sites/handbook/source/job-families/sales/a/index.html.md',
      'sites/handbook/source/job-families/sales/b/index.html.md',
      'sites/handbook/source/job-families/sales/logo.png',
      'content/job-families/sales/a.md',
      'layouts/shortcodes/job-families/sales/performance.md',
      'README.md',
    ];
    expect(chooseContentDir(paths)).toBe('sites/handbook/source/job-families');
    expect(chooseContentDir(['sites/uncategorized/source/job-families/people/x.html.md.erb'])).toBe('sites/uncategorized/source/job-families');
    // Images do not count: two pages beat one page and three images.
    expect(chooseContentDir(['a/job-families/x.png', 'a/job-families/y.png', 'a/job-families/z.png', 'a/job-families/p.md', 'b/job-families/p.md', 'b/job-families/q.md'])).toBe('b/job-families');
  });

  it('returns the configured folder, normalised, whatever is present', () => {
    expect(chooseContentDir(['content/job-families/a.md'], 'handbook/roles/')).toBe('handbook/roles');
    expect(() => chooseContentDir([], '../etc')).toThrow();
  });
});

describe('detectContentDir', () => {
  let repo: TestRepo;
  afterEach(() => repo.cleanup());

  it('finds the folder in the tree at a commit', async () => {
    repo = makeRepo([{ message: 'one', files: { 'sites/marketing/source/job-families/sales/a.md': 'a', 'README.md': 'r' } }]);
    const gitDir = path.join(repo.dir, '.git');
    expect(await detectContentDir(gitDir, repo.head())).toBe('sites/marketing/source/job-families');
    repo.commit({ message: 'two', files: { 'content/job-families/sales/a.md': 'a' } });
    expect(await detectContentDir(gitDir, repo.head())).toBe('content/job-families');
    expect(await detectContentDir(gitDir, repo.head(), 'custom')).toBe('custom');
  });

  it('finds a folder that is on no list, at any depth', async () => {
    repo = makeRepo([
      {
        message: 'one',
        files: {
          'sites/handbook/source/job-families/sales/a/index.html.md': 'a',
          'sites/handbook/source/job-families/sales/b/index.html.md': 'b',
          'layouts/partials/job-families/sales/c.md': 'c',
        },
      },
    ]);
    expect(await detectContentDir(path.join(repo.dir, '.git'), repo.head())).toBe('sites/handbook/source/job-families');
  });

  it('returns null when no candidate exists', async () => {
    repo = makeRepo([{ message: 'one', files: { 'README.md': 'r' } }]);
    expect(await detectContentDir(path.join(repo.dir, '.git'), repo.head())).toBeNull();
  });
});
