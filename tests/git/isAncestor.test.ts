import path from 'node:path';
import { isAncestor } from '../../src/git/isAncestor';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

describe('isAncestor', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('answers from the commit graph: ancestors yes, descendants, unrelated and unknown commits no', async () => {
    repo = makeRepo([{ message: 'one' }, { message: 'two' }]);
    const [one, two] = repo.git('rev-list', '--reverse', 'HEAD').split('\n');
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.commit({ message: 'unrelated' });
    const other = repo.head();
    const gitDir = path.join(repo.dir, '.git');
    expect(await isAncestor(gitDir, one, two)).toBe(true);
    expect(await isAncestor(gitDir, two, two)).toBe(true);
    expect(await isAncestor(gitDir, two, one)).toBe(false);
    expect(await isAncestor(gitDir, one, other)).toBe(false);
    expect(await isAncestor(gitDir, 'f'.repeat(40), two)).toBe(false);
  });

  it('refuses anything but full commit ids', async () => {
    repo = makeRepo([{ message: 'one' }]);
    const gitDir = path.join(repo.dir, '.git');
    await expect(isAncestor(gitDir, '--help', repo.head())).rejects.toMatchObject({ code: 'BAD_REF' });
    await expect(isAncestor(gitDir, repo.head(), 'HEAD')).rejects.toMatchObject({ code: 'BAD_REF' });
  });
});
