import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CatFileBatch } from '../../src/git/catFileBatch';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

function hashObject(repo: TestRepo, file: string): string {
  return repo.git('hash-object', '-w', '--', file);
}

describe('CatFileBatch', () => {
  let repo: TestRepo;
  let reader: CatFileBatch;
  beforeEach(() => {
    repo = makeRepo([{ message: 'init', files: { 'a.md': 'alpha\n', 'empty.md': '' } }]);
    reader = new CatFileBatch(path.join(repo.dir, '.git'));
  });
  afterEach(async () => {
    await reader.close();
    repo.cleanup();
  });

  it('reads many blobs in one pipelined batch, each exactly', async () => {
    const texts = Array.from({ length: 300 }, (_, i) => `# Role ${i}\n\n${'x'.repeat(i * 7)}\n`);
    const files = texts.map((text, i) => {
      const file = path.join(repo.dir, `f${i}.txt`);
      fs.writeFileSync(file, text);
      return file;
    });
    // One hash-object for all files keeps the setup cheap.
    const ids = execFileSync('git', ['-C', repo.dir, 'hash-object', '-w', '--stdin-paths'], { input: files.join('\n') + '\n', encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(ids).toHaveLength(300);
    const blobs = await reader.readMany([...ids, ids[0]]);
    expect(blobs.size).toBe(300);
    ids.forEach((id, i) => expect(blobs.get(id)?.toString('utf8')).toBe(texts[i]));
  });

  it('returns binary content byte for byte, including newlines, NULs and a large blob', async () => {
    const binary = Buffer.from(Array.from({ length: 256 * 4 }, (_, i) => (i * 37) % 256));
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 0x0a);
    big.write('start\n\0', 0);
    const binFile = path.join(repo.dir, 'bin.dat');
    const bigFile = path.join(repo.dir, 'big.dat');
    fs.writeFileSync(binFile, binary);
    fs.writeFileSync(bigFile, big);
    const [binId, bigId] = [hashObject(repo, binFile), hashObject(repo, bigFile)];
    const emptyId = repo.git('rev-parse', 'HEAD:empty.md');
    const blobs = await reader.readMany([binId, bigId, emptyId]);
    expect(blobs.get(binId)?.equals(binary)).toBe(true);
    expect(blobs.get(bigId)?.equals(big)).toBe(true);
    expect(blobs.get(emptyId)?.length).toBe(0);
  });

  it('answers null for a missing blob, a non-blob object and anything that is not a full id', async () => {
    const aId = repo.git('rev-parse', 'HEAD:a.md');
    const treeId = repo.git('rev-parse', 'HEAD^{tree}');
    const missing = 'f'.repeat(40);
    const blobs = await reader.readMany([missing, aId, treeId, 'HEAD:a.md', aId.slice(0, 8), '']);
    expect(blobs.get(missing)).toBeNull();
    expect(blobs.get(treeId)).toBeNull();
    expect(blobs.get('HEAD:a.md')).toBeNull();
    expect(blobs.get(aId.slice(0, 8))).toBeNull();
    expect(blobs.get(aId)?.toString()).toBe('alpha\n');
  });

  it('starts a new process when the old one dies', async () => {
    const aId = repo.git('rev-parse', 'HEAD:a.md');
    expect((await reader.read(aId))?.toString()).toBe('alpha\n');
    const child = (reader as unknown as { child: { kill(sig: string): void; once(ev: string, f: () => void): void } }).child;
    await new Promise<void>((resolve) => {
      child.once('close', resolve);
      child.kill('SIGKILL');
    });
    expect((await reader.read(aId))?.toString()).toBe('alpha\n');
  });

  it('re-asks reads that were waiting when the process was killed', async () => {
    const aId = repo.git('rev-parse', 'HEAD:a.md');
    const emptyId = repo.git('rev-parse', 'HEAD:empty.md');
    const reads = Array.from({ length: 200 }, (_, i) => reader.read(i % 2 ? aId : emptyId));
    (reader as unknown as { child: { kill(sig: string): void } }).child.kill('SIGKILL');
    const contents = await Promise.all(reads);
    contents.forEach((content, i) => expect(content?.toString()).toBe(i % 2 ? 'alpha\n' : ''));
  });

  it('fails pending reads when the repository is gone, and refuses reads after close()', async () => {
    const broken = new CatFileBatch(path.join(repo.dir, 'no-such-dir'));
    await expect(broken.read('a'.repeat(40))).rejects.toMatchObject({ code: 'GIT_FAILED' });
    await broken.close();
    await reader.close();
    await expect(reader.read('a'.repeat(40))).rejects.toMatchObject({ code: 'GIT_FAILED' });
  });
});
