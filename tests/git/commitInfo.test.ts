import path from 'node:path';
import { OFF_TIMELINE, readCommitInfo } from '../../src/git/commitInfo';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

describe('readCommitInfo', () => {
  let repo: TestRepo;
  afterEach(() => repo.cleanup());

  it('reads sha, parents, author, ISO date and the full message', async () => {
    repo = makeRepo([
      { message: 'first', date: '2022-05-06T07:08:09Z' },
      { message: 'Subject line\n\nBody with ünïcode.', date: '2022-05-07T00:00:00Z' },
    ]);
    const head = repo.head();
    const parent = repo.git('rev-parse', 'HEAD~1');
    const info = await readCommitInfo(path.join(repo.dir, '.git'), head);
    expect(info).toEqual({
      sha: head,
      position: OFF_TIMELINE,
      message: 'Subject line\n\nBody with ünïcode.',
      authorName: 'Test Author',
      authorEmail: 'author@example.com',
      date: '2022-05-07T00:00:00+00:00',
      parents: [parent],
    });
    expect((await readCommitInfo(path.join(repo.dir, '.git'), parent)).parents).toEqual([]);
  });

  it('rejects refs that are not full ids and fails on unknown commits', async () => {
    repo = makeRepo([{ message: 'first' }]);
    const gitDir = path.join(repo.dir, '.git');
    await expect(readCommitInfo(gitDir, 'HEAD')).rejects.toMatchObject({ code: 'BAD_REF' });
    await expect(readCommitInfo(gitDir, 'e'.repeat(40))).rejects.toMatchObject({ code: 'GIT_FAILED' });
  });
});
