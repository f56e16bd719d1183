import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BadRefError } from '../../src/git/errors';
import { refProblem, resolveRef } from '../../src/git/resolveRef';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

describe('resolveRef', () => {
  let repo: TestRepo;
  let gitDir: string;
  let first: string;
  let second: string;
  beforeAll(() => {
    repo = makeRepo([
      { message: 'one', files: { 'content/job-families/a.md': 'a' }, tag: 'v1' },
      { message: 'two', files: { 'content/job-families/a.md': 'b' } },
    ]);
    gitDir = path.join(repo.dir, '.git');
    first = repo.git('rev-parse', 'v1');
    second = repo.head();
    repo.git('-c', 'user.name=T', '-c', 'user.email=t@e', 'tag', '-a', '-m', 'annotated', 'release-2');
    repo.git('branch', 'feature/x', first);
  });
  afterAll(() => repo.cleanup());

  it('resolves a full sha, an abbreviated sha, a branch, a tag and an annotated tag to commits', async () => {
    await expect(resolveRef(gitDir, second)).resolves.toBe(second);
    await expect(resolveRef(gitDir, first.slice(0, 7))).resolves.toBe(first);
    await expect(resolveRef(gitDir, first.slice(0, 4))).resolves.toBe(first);
    await expect(resolveRef(gitDir, 'main')).resolves.toBe(second);
    await expect(resolveRef(gitDir, 'feature/x')).resolves.toBe(first);
    await expect(resolveRef(gitDir, 'v1')).resolves.toBe(first);
    await expect(resolveRef(gitDir, 'release-2')).resolves.toBe(second);
  });

  it('rejects unknown refs and non-commit objects with BadRefError', async () => {
    await expect(resolveRef(gitDir, 'no-such-branch')).rejects.toBeInstanceOf(BadRefError);
    await expect(resolveRef(gitDir, 'f'.repeat(40))).rejects.toBeInstanceOf(BadRefError);
    const blob = repo.git('rev-parse', 'HEAD:content/job-families/a.md');
    await expect(resolveRef(gitDir, blob)).rejects.toBeInstanceOf(BadRefError);
  });

  it.each([
    ['--upload-pack=x'],
    ['-c core.sshCommand=x'],
    ['-ccore.sshCommand=x'],
    ['../../etc/passwd'],
    ['main..v1'],
    ['main\0'],
    ['ma\0in'],
    ['main\n'],
    ['main v1'],
    ['HEAD@{1}'],
    ['@{-1}'],
    ['@'],
    ['HEAD~1'],
    ['HEAD^'],
    ['HEAD:content/job-families/a.md'],
    [':/two'],
    ['ma*n'],
    ['main.lock'],
    ['.hidden'],
    ['a//b'],
    ['main/'],
    ['main.'],
    ['2021-01-01'],
    ['2021-01-01T10:00:00Z'],
    [''],
    ['x'.repeat(257)],
  ])('rejects %j before running git', async (ref) => {
    expect(refProblem(ref)).not.toBeNull();
    await expect(resolveRef(gitDir, ref)).rejects.toMatchObject({ code: 'BAD_REF' });
  });

  it('never lets --output become an option: no file is written', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-out-'));
    const target = path.join(outDir, 'x');
    try {
      await expect(resolveRef(gitDir, `--output=${target}`)).rejects.toBeInstanceOf(BadRefError);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('rejects a 10 MB ref quickly and without echoing it back', async () => {
    const huge = 'a'.repeat(10 * 1024 * 1024);
    const error = await resolveRef(gitDir, huge).catch((e: Error) => e);
    expect(error).toBeInstanceOf(BadRefError);
    expect((error as Error).message.length).toBeLessThan(300);
  });

  it('rejects non-string input', async () => {
    await expect(resolveRef(gitDir, undefined as unknown as string)).rejects.toBeInstanceOf(BadRefError);
    await expect(resolveRef(gitDir, 42 as unknown as string)).rejects.toBeInstanceOf(BadRefError);
  });
});
