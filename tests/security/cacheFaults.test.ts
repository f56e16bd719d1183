// Faults in the persisted cache (<cacheDir>/parsed/…/pack-N.rg packs of checksummed records and
// <cacheDir>/index/timeline.json): damaged entries are detected and rebuilt, never served; a
// process killed while writing leaves a cache the next run completes correctly; a write that fails
// leaves the entries already there intact and the served answer right.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createGitSource } from '../../src/git';
import { BlobCache, createIndexer } from '../../src/index';
import { makeRepo } from '../helpers/makeRepo';
import { SALES, VP, DIRECTOR, indexerFor, seedCommit, tempDir, vpPageWithGrade } from './harness';

const CONTENT_DIR = 'content/job-families';

function filesUnder(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

function gradeOf(indexer: ReturnType<typeof indexerFor>, slug: string): number | null {
  const fam = indexer.current()?.head.familyBySlug.get(slug);
  if (!fam) throw new Error(`${slug} is not served`);
  return fam.roles[0]?.grade ?? null;
}

describe('damaged cache entries', () => {
  it('are detected, parsed again and rewritten, never served', async () => {
    const repo = makeRepo([seedCommit()]);
    const cacheDir = tempDir('cache');
    try {
      const first = indexerFor(repo, cacheDir);
      await first.refresh();
      await first.close();
      const packs = filesUnder(path.join(cacheDir, 'parsed'), '.rg');
      expect(packs).toHaveLength(1);
      // Two records in one pack: the VP's edited in place (grade 12 → 99, header kept), the other
      // cut in half as a crash mid-append would leave it; the stored timeline truncated too.
      const raw = fs.readFileSync(packs[0]);
      const records = raw.toString('latin1').split('RGR1').slice(1);
      expect(records).toHaveLength(2);
      const tamperedAt = raw.indexOf('"grade":12');
      expect(tamperedAt).toBeGreaterThan(0);
      const secondStart = raw.indexOf('RGR1', 4);
      const vpFirst = tamperedAt < secondStart;
      const damaged = Buffer.from(raw);
      damaged.write('"grade":99', tamperedAt, 'utf8');
      // Keep the VP record whole and tear the other: reorder nothing, cut what follows or precedes.
      const cut = vpFirst
        ? damaged.subarray(0, secondStart + Math.floor((raw.length - secondStart) / 2))
        : Buffer.concat([damaged.subarray(0, Math.floor(secondStart / 2)), damaged.subarray(secondStart)]);
      fs.writeFileSync(packs[0], cut);
      const timeline = path.join(cacheDir, 'index', 'timeline.json');
      fs.writeFileSync(timeline, fs.readFileSync(timeline).subarray(0, 40));
      // Without the value table, which holds both pages itself (tests/index/store/valueTable.test.ts).
      for (const f of filesUnder(path.join(cacheDir, 'parsed'), '.rgt')) fs.rmSync(f);

      const second = indexerFor(repo, cacheDir);
      await second.refresh();
      expect(gradeOf(second, VP)).toBe(12);
      expect(gradeOf(second, DIRECTOR)).toBe(10);
      expect(second.blobStats()).toMatchObject({ corrupt: 2, parsed: 2, loaded: 0 });
      await second.close();

      // Rewritten whole: a third start loads both and parses nothing.
      const third = indexerFor(repo, cacheDir);
      await third.refresh();
      expect(third.blobStats()).toMatchObject({ corrupt: 0, parsed: 0, loaded: 2 });
      expect(gradeOf(third, VP)).toBe(12);
      await third.close();
    } finally {
      repo.cleanup();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('a failing cache write', () => {
  it('keeps serving the right answer and leaves the entries already there intact', async () => {
    const repo = makeRepo([seedCommit()]);
    const cacheDir = tempDir('cache');
    const events: Array<Record<string, unknown>> = [];
    try {
      const first = indexerFor(repo, cacheDir);
      await first.refresh();
      await first.close();
      const before = new Map(filesUnder(path.join(cacheDir, 'parsed'), '.rg').map((f) => [f, fs.readFileSync(f)]));
      expect(before.size).toBe(1);

      // The next start appends the new VP version to a new pack at a known place; a folder there
      // makes creating it fail the way a full or read-only disk would (chmod does not stop root).
      const vpPath = `${SALES}/vp-of-commercial-sales.md`;
      repo.commit({ message: 'Regrade the VP', files: { [vpPath]: vpPageWithGrade(13) } });
      const probe = new BlobCache({ dir: path.join(cacheDir, 'parsed'), contentDir: CONTENT_DIR });
      const target = (await probe.nextPackPath())!;
      fs.mkdirSync(path.join(target, 'blocker'), { recursive: true });

      const second = createIndexer({
        source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }),
        url: repo.dir,
        branch: 'main',
        contentDir: CONTENT_DIR,
        cacheDir,
        log: (event) => events.push(event),
      });
      await second.refresh();
      expect(gradeOf(second, VP)).toBe(13);
      expect(second.status().phase).toBe('ready');
      expect(events.map((e) => e.event)).toContain('parsed-cache-write-failed');
      await second.close();

      for (const [file, bytes] of before) expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(filesUnder(path.dirname(target), '.tmp')).toEqual([]); // no half-written leftovers
      expect(filesUnder(path.dirname(target), '.rg')).toEqual([...before.keys()]);

      // Once the disk is healthy again the page is parsed once more and stored.
      fs.rmSync(target, { recursive: true });
      const third = indexerFor(repo, cacheDir);
      await third.refresh();
      expect(gradeOf(third, VP)).toBe(13);
      expect(third.blobStats()).toMatchObject({ parsed: 1, corrupt: 0, loaded: 2 });
      expect(fs.statSync(target).isFile()).toBe(true);
      await third.close();
      const fourth = indexerFor(repo, cacheDir);
      await fourth.refresh();
      expect(fourth.blobStats()).toMatchObject({ parsed: 0, corrupt: 0, loaded: 3 });
      expect(gradeOf(fourth, VP)).toBe(13);
      await fourth.close();
    } finally {
      repo.cleanup();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('a process killed while indexing', () => {
  const FAMILIES = 500;
  const gradeFor = (i: number): number => 5 + (i % 9);

  it('leaves a cache the next run completes with the right answer', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < FAMILIES; i += 1) files[`${SALES}/vp-${String(i).padStart(4, '0')}.md`] = vpPageWithGrade(gradeFor(i));
    const repo = makeRepo([{ message: `Add ${FAMILIES} families`, files }]);
    const cacheDir = tempDir('cache');
    try {
      const child = spawn(process.execPath, ['-r', './transpileRegister.js', 'indexChild.ts', repo.dir, cacheDir], {
        cwd: __dirname,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));

      // Kill as soon as the first batch of parsed entries is in the pack: the parse is part way through.
      const parsedDir = path.join(cacheDir, 'parsed');
      const packBytes = (): number => filesUnder(parsedDir, '.rg').reduce((sum, f) => sum + fs.statSync(f).size, 0);
      const deadline = Date.now() + 60_000;
      while (packBytes() === 0) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`child never wrote the cache:\n${output}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(output).not.toContain('done');

      const indexer = indexerFor(repo, cacheDir);
      await indexer.refresh();
      const head = indexer.current()!.head;
      expect(head.families).toHaveLength(FAMILIES);
      for (let i = 0; i < FAMILIES; i += 1) {
        expect(gradeOf(indexer, `sales/vp-${String(i).padStart(4, '0')}`)).toBe(gradeFor(i));
      }
      const stats = indexer.blobStats();
      expect(stats.loaded).toBeGreaterThan(0); // the killed run's complete entries were reused
      expect(stats.loaded).toBeLessThan(FAMILIES); // it was killed part way through
      expect(stats.loaded + stats.parsed).toBe(FAMILIES);
      await indexer.close();
    } finally {
      repo.cleanup();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);
});
