import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git/gitSource';
import type { GitSource } from '../../src/git/types';
import { buildCorpusHistory, makeRepo, type TestRepo } from '../helpers/makeRepo';

const CONTENT = 'content/job-families';

describe('createGitSource over a local origin', () => {
  let origin: TestRepo;
  let cacheDir: string;
  let source: GitSource;
  beforeEach(() => {
    origin = makeRepo([
      { message: 'one', files: { [`${CONTENT}/sales/a.md`]: '# A\n' }, tag: 'v1' },
      { message: 'two', files: { [`${CONTENT}/sales/b.md`]: '# B\n' } },
    ]);
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-src-'));
    source = createGitSource({ remote: origin.dir, branch: 'main', cacheDir, timeoutMs: 30_000 });
  });
  afterEach(async () => {
    await source.close();
    origin.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('updates, then serves timeline, tree, blobs, refs and commit info from the cache', async () => {
    const head = await source.update();
    expect(head).toBe(origin.head());

    const steps = await source.timeline(CONTENT, head);
    expect(steps.map((s) => s.commit.message)).toEqual(['one', 'two']);
    expect(await source.timeline(CONTENT)).toEqual(steps);

    const tree = await source.tree(head, CONTENT);
    expect(tree.map((e) => e.path)).toEqual([`${CONTENT}/sales/a.md`, `${CONTENT}/sales/b.md`]);
    const blobs = await source.readBlobs(tree.map((e) => e.blob));
    expect(tree.map((e) => blobs.get(e.blob)?.toString('utf8'))).toEqual(['# A\n', '# B\n']);

    expect(await source.resolveRef('v1')).toBe(steps[0].commit.sha);
    expect(await source.resolveRef('main')).toBe(head);
    expect(await source.resolveRef(head.slice(0, 8))).toBe(head);
    await expect(source.resolveRef('--upload-pack=x')).rejects.toMatchObject({ code: 'BAD_REF' });

    expect(await source.commitInfo(head)).toMatchObject({ sha: head, message: 'two', position: -1 });
    expect(await source.detectContentDir?.()).toBe(CONTENT);
  });

  it('serialises concurrent updates and sees new commits on the next one', async () => {
    const [a, b] = await Promise.all([source.update(), source.update()]);
    expect(a).toBe(b);
    const next = origin.commit({ message: 'three', files: { [`${CONTENT}/sales/a.md`]: '# A2\n' } });
    expect(await source.update()).toBe(next);
    expect((await source.timeline(CONTENT, next)).length).toBe(3);
  });

  it('fails with GIT_FAILED before the first update, and recovers after it', async () => {
    await expect(source.timeline(CONTENT)).rejects.toMatchObject({ code: 'GIT_FAILED' });
    await source.update();
    expect((await source.timeline(CONTENT)).length).toBe(2);
  });
});

describe('createGitSource configuration', () => {
  it('refuses a branch name git would refuse before running anything', () => {
    expect(() => createGitSource({ remote: '/tmp/x', branch: '--upload-pack=x', cacheDir: '/tmp/none' })).toThrow(/invalid branch name/);
  });
});

describe('createGitSource over the corpus history', () => {
  it('reads every blob the timeline names', async () => {
    const dir = buildCorpusHistory();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-src-'));
    const source = createGitSource({ remote: dir, branch: 'main', cacheDir });
    try {
      const head = await source.update();
      const steps = await source.timeline(CONTENT, head);
      expect(steps).toHaveLength(31);
      const ids = steps.flatMap((s) => s.changes.flatMap((c) => [c.oldBlob, c.newBlob])).filter((id): id is string => id !== null);
      const blobs = await source.readBlobs(ids);
      expect([...blobs.values()].every((b) => b !== null && b.length > 0)).toBe(true);
      expect(blobs.size).toBe(new Set(ids).size);
      // The head tree equals replaying the timeline's adds, renames and deletes.
      const replayed = new Map<string, string>();
      for (const step of steps) {
        for (const c of step.changes) {
          if (c.oldPath) replayed.delete(c.oldPath);
          if (c.newPath && c.newBlob) replayed.set(c.newPath, c.newBlob);
        }
      }
      const tree = await source.tree(head, CONTENT);
      expect(new Map(tree.map((e) => [e.path, e.blob]))).toEqual(replayed);
    } finally {
      await source.close();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
