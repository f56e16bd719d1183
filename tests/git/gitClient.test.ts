import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloneOrFetch } from '../../src/git/cloneOrFetch';
import { GitExit, simpleGitEnv, withGit } from '../../src/git/gitClient';
import { resolveRef } from '../../src/git/resolveRef';
import { readTree } from '../../src/git/tree';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

describe('gitClient (simple-git with our hardening)', () => {
  let origin: TestRepo;
  let cacheDir: string;
  beforeEach(() => {
    origin = makeRepo([{ message: 'one', files: { [`${CONTENT}/a.md`]: 'a' } }]);
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-client-'));
  });
  afterEach(() => {
    origin.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('runs no hook of the cache repository on fetch', async () => {
    const { gitDir } = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    const marker = path.join(cacheDir, 'hook-ran');
    const hook = path.join(gitDir, 'hooks', 'reference-transaction');
    fs.mkdirSync(path.dirname(hook), { recursive: true });
    fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    // Control: plain git does run it, so the assertion below can fail.
    execFileSync('git', [`--git-dir=${gitDir}`, 'update-ref', 'refs/heads/probe', origin.head()]);
    expect(fs.existsSync(marker)).toBe(true);
    fs.rmSync(marker);

    const next = origin.commit({ message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } });
    await expect(cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir })).resolves.toMatchObject({ head: next });
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('never walks up to an enclosing repository when the cache folder is not one', async () => {
    const inside = path.join(origin.dir, 'not-a-repo');
    fs.mkdirSync(inside);
    // Without GIT_DIR, git run in this folder would answer from origin's .git.
    await expect(resolveRef(inside, 'main')).rejects.toMatchObject({ code: 'BAD_REF' });
    await expect(readTree(inside, origin.head(), CONTENT)).rejects.toMatchObject({ code: 'GIT_FAILED' });
  });

  it('ignores git variables and editors inherited from the environment instead of refusing the call', async () => {
    const other = makeRepo([{ message: 'other', files: { 'x.md': 'x' } }]);
    const saved = { ...process.env };
    const head = origin.head();
    try {
      Object.assign(process.env, { GIT_DIR: path.join(other.dir, '.git'), EDITOR: 'vi', PAGER: 'less', GIT_TRACE: '0' });
      await expect(resolveRef(path.join(origin.dir, '.git'), 'main')).resolves.toBe(head);
      const env = simpleGitEnv(path.join(origin.dir, '.git'), false);
      expect(env.GIT_DIR).toBe(path.join(origin.dir, '.git'));
      expect(env.EDITOR).toBeUndefined();
      expect(env.PAGER).toBeUndefined();
      expect(env.GIT_TRACE).toBeUndefined();
      expect(env).toMatchObject({ GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' });
    } finally {
      for (const name of ['GIT_DIR', 'EDITOR', 'PAGER', 'GIT_TRACE']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      other.cleanup();
    }
  });

  it('passes the operator ssh command to network commands only', () => {
    const saved = process.env.GIT_SSH_COMMAND;
    process.env.GIT_SSH_COMMAND = 'ssh -i /keys/deploy';
    try {
      expect(simpleGitEnv(undefined, true).GIT_SSH_COMMAND).toBe('ssh -i /keys/deploy');
      expect(simpleGitEnv(undefined, false).GIT_SSH_COMMAND).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.GIT_SSH_COMMAND;
      else process.env.GIT_SSH_COMMAND = saved;
    }
  });

  it('hands a non-zero exit to the caller and turns other failures into redacted GitCommandErrors', async () => {
    const gitDir = path.join(origin.dir, '.git');
    const code = await withGit(
      { gitDir, op: 'merge-base' },
      async (git) => {
        await git.raw(['merge-base', '--is-ancestor', '--end-of-options', origin.head(), 'f'.repeat(40)]);
        return 0;
      },
      (exit: GitExit) => exit.exitCode,
    );
    expect(code).toBe(128);
    const error = await withGit({ gitDir, op: 'fetch', network: true }, (git) =>
      git.fetch(['--quiet', '--end-of-options', 'https://user:secret@127.0.0.1:9/x.git', 'main']),
    ).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'GIT_FAILED' });
    expect((error as Error).message).toMatch(/^git fetch failed/);
    expect(`${(error as Error).message} ${String((error as Error).cause)} ${JSON.stringify(error)}`).not.toContain('secret');
  });
});
