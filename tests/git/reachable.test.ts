// Which commits rolegraph serves: isAncestor (also what a fetch that may be a rewrite is checked with) and
// isReachable (client refs off the timeline), over a real repository with a side branch and a tag.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { GitCommandError } from '../../src/git/errors';
import { isAncestor, isReachable } from '../../src/git/reachable';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

let repo: TestRepo;
let gitDir: string;
let first: string;
let second: string;
let side: string;
let tagged: string;
beforeAll(() => {
  repo = makeRepo([
    { message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } },
    { message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } },
  ]);
  gitDir = path.join(repo.dir, '.git');
  second = repo.head();
  first = repo.git('rev-parse', 'HEAD~1');
  repo.git('checkout', '-q', '-b', 'side', first);
  side = repo.commit({ message: 'side', files: { [`${CONTENT}/a.md`]: 'side' } });
  tagged = repo.commit({ message: 'tagged', files: { [`${CONTENT}/a.md`]: 'tagged' }, tag: 'v1' });
  repo.git('checkout', '-q', 'main');
});
afterAll(() => repo.cleanup());

describe('isAncestor', () => {
  it('answers yes for an ancestor and for the commit itself, no for a descendant or a sibling', async () => {
    expect(await isAncestor(gitDir, first, second)).toBe(true);
    expect(await isAncestor(gitDir, second, second)).toBe(true);
    expect(await isAncestor(gitDir, second, first)).toBe(false);
    expect(await isAncestor(gitDir, side, second)).toBe(false);
    expect(await isAncestor(gitDir, first, side)).toBe(true);
  });

  it('throws for an object the repository does not have', async () => {
    await expect(isAncestor(gitDir, '0123456789'.repeat(4), second)).rejects.toBeInstanceOf(GitCommandError);
  });
});

describe('isReachable', () => {
  it('serves commits under the head or a tag, and no others', async () => {
    expect(await isReachable(gitDir, first, second)).toBe(true);
    expect(await isReachable(gitDir, tagged, second)).toBe(true);
    expect(await isReachable(gitDir, side, second)).toBe(true); // under the tag
    repo.git('tag', '-d', 'v1');
    try {
      expect(await isReachable(gitDir, side, second)).toBe(false);
      expect(await isReachable(gitDir, tagged, second)).toBe(false);
    } finally {
      execFileSync('git', ['-C', repo.dir, 'tag', 'v1', tagged]);
    }
  });

  it('answers no for text that is not a full object id, without asking git', async () => {
    expect(await isReachable(gitDir, 'main', second)).toBe(false);
    expect(await isReachable(gitDir, '--all', second)).toBe(false);
  });
});
