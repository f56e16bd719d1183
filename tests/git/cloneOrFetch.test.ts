import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { assertBranchName, cloneOrFetch, isLocalRemote } from '../../src/git/cloneOrFetch';
import { GitCommandError } from '../../src/git/errors';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

describe('cloneOrFetch', () => {
  let origin: TestRepo;
  let cacheDir: string;
  beforeEach(() => {
    origin = makeRepo([{ message: 'one', files: { [`${CONTENT}/a.md`]: 'a' }, tag: 'v1' }]);
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cache-'));
  });
  afterEach(() => {
    origin.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const git = (gitDir: string, ...args: string[]): string =>
    execFileSync('git', [`--git-dir=${gitDir}`, ...args], { encoding: 'utf8' }).trim();

  it('clones a local path into <cacheDir>/repo.git, then fetches new commits', async () => {
    const first = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    expect(first).toEqual({ gitDir: path.join(cacheDir, 'repo.git'), head: origin.head(), cloned: true });
    expect(git(first.gitDir, 'rev-parse', '--is-bare-repository')).toBe('true');
    expect(git(first.gitDir, 'rev-parse', 'v1^{commit}')).toBe(origin.head());

    const next = origin.commit({ message: 'two', files: { [`${CONTENT}/a.md`]: 'b' }, tag: 'v2' });
    const second = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    expect(second).toEqual({ gitDir: first.gitDir, head: next, cloned: false });
    expect(git(first.gitDir, 'rev-parse', 'v2^{commit}')).toBe(next);
    // The fetched content is readable from the cache.
    expect(git(first.gitDir, 'show', `${next}:${CONTENT}/a.md`)).toBe('b');
  });

  it('follows a force-push that rewrites history', async () => {
    origin.commit({ message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } });
    const before = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    origin.git('reset', '-q', '--hard', 'HEAD~1');
    const rewritten = origin.commit({ message: 'two, rewritten', files: { [`${CONTENT}/a.md`]: 'c' } });
    expect(rewritten).not.toBe(before.head);
    const after = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    expect(after.head).toBe(rewritten);
    expect(git(after.gitDir, 'rev-parse', 'refs/heads/main')).toBe(rewritten);
    // The rewrite is followed by a prune: the dropped commit is gone from the clone, not only unreferenced.
    expect(after.pruned).toBe(true);
    expect(() => git(after.gitDir, 'cat-file', '-e', `${before.head}^{commit}`)).toThrow();
    // A fast-forward prunes nothing.
    origin.commit({ message: 'three', files: { [`${CONTENT}/a.md`]: 'd' } });
    expect((await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir })).pruned).toBeUndefined();
  });

  it('tracks a configured branch other than the default', async () => {
    origin.git('checkout', '-q', '-b', 'handbook');
    const tip = origin.commit({ message: 'on handbook', files: { [`${CONTENT}/b.md`]: 'b' } });
    const result = await cloneOrFetch({ remote: origin.dir, branch: 'handbook', cacheDir });
    expect(result.head).toBe(tip);
    expect(git(result.gitDir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/handbook');
  });

  it("clones a local folder by linking its object files, keeping only the tracked branch, the tags and no remote in the config", async () => {
    origin.git('branch', 'other');
    const result = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    // git's local clone: the head commit's object file is the origin's own file, not a copy sent through a pack.
    const objectFile = (gitDir: string): string => path.join(gitDir, 'objects', origin.head().slice(0, 2), origin.head().slice(2));
    expect(fs.statSync(objectFile(result.gitDir)).ino).toBe(fs.statSync(objectFile(path.join(origin.dir, '.git'))).ino);
    expect(git(result.gitDir, 'for-each-ref', '--format=%(refname)').split('\n')).toEqual(['refs/heads/main', 'refs/tags/v1']);
    expect(git(result.gitDir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(fs.readFileSync(path.join(result.gitDir, 'config'), 'utf8')).not.toMatch(/\[remote/);

    // Pruning after a force-push removes the clone's links only: the origin still has every object it had.
    const dropped = origin.commit({ message: 'two', files: { [`${CONTENT}/a.md`]: 'b' } });
    await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    origin.git('reset', '-q', '--hard', 'HEAD~1');
    origin.commit({ message: 'two, rewritten', files: { [`${CONTENT}/a.md`]: 'c' } });
    expect((await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir })).pruned).toBe(true);
    expect(() => git(result.gitDir, 'cat-file', '-e', `${dropped}^{commit}`)).toThrow();
    expect(origin.git('cat-file', '-t', dropped)).toBe('commit');
  });

  it('clones a file:// URL through the transport, as a remote', async () => {
    const result = await cloneOrFetch({ remote: `file://${origin.dir}`, branch: 'main', cacheDir });
    expect(result).toMatchObject({ head: origin.head(), cloned: true });
    expect(git(result.gitDir, 'rev-parse', 'v1^{commit}')).toBe(origin.head());
  });

  it('fails on a branch the remote does not have and leaves no half-made cache', async () => {
    await expect(cloneOrFetch({ remote: origin.dir, branch: 'nope', cacheDir })).rejects.toBeInstanceOf(GitCommandError);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('redacts credentials from errors and does not store the URL in the cache', async () => {
    const error = await cloneOrFetch({
      remote: 'https://user:secret@127.0.0.1:9/x.git',
      branch: 'main',
      cacheDir,
      timeoutMs: 5000,
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect((error as Error).message).toMatch(/^git fetch failed/);
    expect((error as Error).message).not.toContain('secret');
    expect(String((error as Error).cause ?? '')).not.toContain('secret');
    expect(JSON.stringify(error)).not.toContain('secret');

    await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    expect(fs.readFileSync(path.join(cacheDir, 'repo.git', 'config'), 'utf8')).not.toContain(origin.dir);
  });

  it('stops a fetch that hangs at the timeout, with a redacted message', async () => {
    // A server on 127.0.0.1 that accepts the connection and never answers.
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const error = await cloneOrFetch({
        remote: `http://user:secret@127.0.0.1:${port}/x.git`,
        branch: 'main',
        cacheDir,
        timeoutMs: 1500,
      }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(GitCommandError);
      expect((error as Error).message).toMatch(/timed out/);
      expect(`${(error as Error).message} ${String((error as Error).cause)}`).not.toContain('secret');
      expect(fs.readdirSync(cacheDir)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('replaces a leftover folder that is not a repository', async () => {
    fs.mkdirSync(path.join(cacheDir, 'repo.git', 'junk'), { recursive: true });
    const result = await cloneOrFetch({ remote: origin.dir, branch: 'main', cacheDir });
    expect(result).toMatchObject({ head: origin.head(), cloned: true });
    expect(fs.existsSync(path.join(cacheDir, 'repo.git', 'junk'))).toBe(false);
  });

  it('rejects remotes and branches that would be options or run commands', async () => {
    await expect(cloneOrFetch({ remote: '--upload-pack=touch /tmp/x', branch: 'main', cacheDir })).rejects.toBeInstanceOf(GitCommandError);
    await expect(cloneOrFetch({ remote: 'ext::sh -c touch% /tmp/pwned', branch: 'main', cacheDir })).rejects.toBeInstanceOf(GitCommandError);
    for (const branch of ['-main', 'a..b', 'a b', 'main.lock', '', 'x@{1}', 'a:b']) {
      expect(() => assertBranchName(branch)).toThrow(GitCommandError);
    }
    expect(assertBranchName('release/2024')).toBe('release/2024');
  });

  it('tells local paths from URLs', () => {
    expect(isLocalRemote('/srv/handbook')).toBe(true);
    expect(isLocalRemote('../handbook')).toBe(true);
    expect(isLocalRemote('https://gitlab.com/gitlab-com/content-sites/handbook.git')).toBe(false);
    expect(isLocalRemote('git@gitlab.com:gitlab-com/handbook.git')).toBe(false);
  });
});
