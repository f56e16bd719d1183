// The parse pool: the same index with and without workers, workers gone after a build, and a page
// that kills its worker failing alone: parsed on the calling thread when the pool has one to use,
// else a warning on that family, never a failed index.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../../src/git/gitSource';
import { createIndexer, type IndexerWithStats } from '../../../src/index/indexer';
import { BlobCache } from '../../../src/index/store/blobCache';
import { liveWorkers, ParsePool, type ParsePage } from '../../../src/index/store/parsePool';
import { familyJson, familyText } from '../../../src/index/store/familyJson';
import { parseFamily } from '../../../src/parse';
import { buildCorpusHistory, makeRepo, seed } from '../../helpers/makeRepo';

const CONTENT_DIR = 'content/job-families';
/** Small enough that a page of a few MB exhausts it, large enough for every real page. */
const TIGHT = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 };
const PAGE = Buffer.from(seed('high-velocity-sales-and-first-orders.md'), 'utf8');
/** ~13 MB of bullets: markdown-it's tokens for it do not fit in TIGHT. */
const HUGE = Buffer.from(`## Account Executive\n\n${'- sells to new customers in the region every quarter\n'.repeat(250_000)}`, 'utf8');
/** ~2 MB: still too large for a TIGHT worker, small enough to parse on the test's own thread. */
const LARGE = Buffer.from(`## Account Executive\n\n${'- sells to new customers in the region every quarter\n'.repeat(40_000)}`, 'utf8');
/** What the blob cache runs on its own thread: the family as the JSON pieces a worker answers. */
const parseHere = (page: ParsePage) => familyJson(parseFamily(page.path, page.text, { contentDir: CONTENT_DIR }));

const tmp: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmp.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tmp) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the corpus history, indexed with and without the pool', () => {
  let repoDir: string;
  const built: Record<'pool' | 'serial', IndexerWithStats> = {} as never;

  beforeAll(async () => {
    repoDir = buildCorpusHistory();
    tmp.push(repoDir);
    for (const mode of ['pool', 'serial'] as const) {
      const cacheDir = tempDir(`rg-pool-${mode}-`);
      const indexer = createIndexer({
        source: createGitSource({ remote: repoDir, branch: 'main', cacheDir }),
        cacheDir,
        url: repoDir,
        branch: 'main',
        parsePool: mode === 'pool' ? { minPages: 1, size: 2 } : false,
      });
      await indexer.refresh();
      built[mode] = indexer;
    }
  });
  afterAll(async () => {
    await built.pool?.close();
    await built.serial?.close();
  });

  it('gives the same head, the same role histories and the same page count', () => {
    const pool = built.pool.current()!;
    const serial = built.serial.current()!;
    expect(built.pool.blobStats().parsed).toBeGreaterThan(56);
    expect(built.pool.blobStats()).toEqual(built.serial.blobStats());
    expect(JSON.stringify(pool.head.families)).toBe(JSON.stringify(serial.head.families));
    const roleIds = serial.head.roles.map((r) => r.id);
    expect(roleIds.length).toBeGreaterThan(100);
    for (const id of roleIds) expect(JSON.stringify(pool.roleHistory(id))).toBe(JSON.stringify(serial.roleHistory(id)));
  });

  it('leaves no worker running once the build is done', () => {
    expect(liveWorkers()).toBe(0);
  });
});

describe('a refresh after a pooled build', () => {
  // A build that parsed through the pool lets the hash-consing keys go (hashCons.ts releaseKeys);
  // the next parse rebuilds them from the values, so a new page version still shares what it kept.
  it('shares the roles an edited page kept with the version the build parsed, the family whole but for the one role', async () => {
    const page = `${CONTENT_DIR}/sales/high-velocity-sales-and-first-orders.md`;
    const text = seed('high-velocity-sales-and-first-orders.md');
    const repo = makeRepo([{ message: 'add', files: { [page]: text } }]);
    tmp.push(repo.dir);
    const cacheDir = tempDir('rg-pool-refresh-');
    const indexer = createIndexer({ source: createGitSource({ remote: repo.dir, branch: 'main', cacheDir }), cacheDir, url: repo.dir, branch: 'main', parsePool: { minPages: 1, size: 1 } });
    try {
      await indexer.refresh();
      const before = indexer.current()!.head.families[0];
      expect(before.roles.length).toBeGreaterThan(2);
      // One line edited in place, so no other role moves to another line.
      const edited = text.replace('The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');
      expect(edited).not.toBe(text);
      repo.commit({ message: 'regrade the team lead', files: { [page]: edited } });
      await indexer.refresh();
      const after = indexer.current()!.head.families[0];
      expect(after).not.toBe(before);
      const changed = after.roles.filter((role, i) => role !== before.roles[i]);
      expect(changed.map((r) => r.id)).toEqual(['sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead']);
      expect(after.careerLadder).toBe(before.careerLadder);
    } finally {
      await indexer.close();
    }
  });
});

describe('ParsePool', () => {
  it('answers in page order, spread over its workers, and stops them on close', async () => {
    const pool = new ParsePool({ size: 2, contentDir: CONTENT_DIR });
    expect(liveWorkers()).toBe(2);
    const pages = Array.from({ length: 9 }, (_, i) => ({ path: `${CONTENT_DIR}/sales/page-${i}.md`, text: PAGE }));
    const outcomes = await pool.parse(pages);
    expect(outcomes.map((o) => ('json' in o ? (JSON.parse(familyText(o.json)) as { slug: string }).slug : o.error))).toEqual(pages.map((_, i) => `sales/page-${i}`));
    await pool.close();
    expect(liveWorkers()).toBe(0);
  });

  it('fails only the page that killed its worker, and keeps parsing on a new one', async () => {
    const pool = new ParsePool({ size: 1, contentDir: CONTENT_DIR, resourceLimits: TIGHT });
    try {
      const outcomes = await pool.parse([
        { path: `${CONTENT_DIR}/sales/a.md`, text: PAGE },
        { path: `${CONTENT_DIR}/sales/huge.md`, text: HUGE },
        { path: `${CONTENT_DIR}/sales/b.md`, text: PAGE },
      ]);
      expect('json' in outcomes[0] && (JSON.parse(familyText(outcomes[0].json)) as { slug: string }).slug).toBe('sales/a');
      expect('error' in outcomes[1] && outcomes[1].error).toMatch(/memory/i);
      expect('json' in outcomes[2] && (JSON.parse(familyText(outcomes[2].json)) as { slug: string }).slug).toBe('sales/b');
      expect(pool.size).toBe(1);
    } finally {
      await pool.close();
    }
    expect(liveWorkers()).toBe(0);
  });

  it('sends a worker its next chunk early, and parses that chunk again when the worker dies on the one before it', async () => {
    // 30 pages on one worker: a chunk of 25 and one of 5, both sent before the first is answered.
    const pool = new ParsePool({ size: 1, contentDir: CONTENT_DIR, resourceLimits: TIGHT });
    const pages = Array.from({ length: 30 }, (_, i) => ({ path: `${CONTENT_DIR}/sales/page-${i}.md`, text: i === 3 ? HUGE : PAGE }));
    try {
      const outcomes = await pool.parse(pages);
      expect(outcomes.map((o) => ('json' in o ? (JSON.parse(familyText(o.json)) as { slug: string }).slug : 'failed'))).toEqual(
        pages.map((_, i) => (i === 3 ? 'failed' : `sales/page-${i}`)),
      );
      expect('error' in outcomes[3] && outcomes[3].error).toMatch(/memory/i);
      expect(pool.size).toBe(1);
    } finally {
      await pool.close();
    }
    expect(liveWorkers()).toBe(0);
  });

  it('parses a page too large for its worker on the calling thread when it has one (local)', async () => {
    const pages = [
      { path: `${CONTENT_DIR}/sales/a.md`, text: PAGE },
      { path: `${CONTENT_DIR}/sales/large.md`, text: LARGE },
      { path: `${CONTENT_DIR}/sales/b.md`, text: PAGE },
    ];
    const workersOnly = new ParsePool({ size: 1, contentDir: CONTENT_DIR, resourceLimits: TIGHT });
    const withLocal = new ParsePool({ size: 1, contentDir: CONTENT_DIR, resourceLimits: TIGHT, local: parseHere });
    try {
      // The page does kill a worker under this limit...
      const failed = await workersOnly.parse(pages);
      expect('error' in failed[1] && failed[1].error).toMatch(/memory/i);
      // ...and with a thread to fall back on, every page comes back as that thread parses it.
      const outcomes = await withLocal.parse(pages);
      expect(outcomes).toEqual(pages.map((page) => ({ json: parseHere(page) })));
      expect((outcomes[1] as { json: { roles: string[] } }).json.roles).toHaveLength(1);
      expect(withLocal.size).toBe(1);
    } finally {
      await workersOnly.close();
      await withLocal.close();
    }
    expect(liveWorkers()).toBe(0);
  });
});

describe('helpOne', () => {
  it('parses a queued chunk on this thread, turning the event loop between its pages', async () => {
    const parsedHere: string[] = [];
    const turns: number[] = [];
    const local = (page: ParsePage) => {
      parsedHere.push(page.path);
      return parseHere(page);
    };
    const pool = new ParsePool({ size: 1, contentDir: CONTENT_DIR, local });
    try {
      const pages = Array.from({ length: 300 }, (_, i) => ({ path: `${CONTENT_DIR}/sales/p${i}.md`, text: PAGE }));
      const all = pool.parse(pages); // the worker takes two chunks; the rest wait in the queue
      // Something this thread must answer while it helps (git's pipe, a worker's answer): it runs
      // after the first page of the chunk, long before the chunk is done.
      const tick = () => {
        turns.push(parsedHere.length);
        if (turns.length < 3) setImmediate(tick);
      };
      setImmediate(tick);
      expect(await pool.helpOne()).toBe(true);
      const chunk = parsedHere.length;
      expect(chunk).toBeGreaterThan(3);
      expect(turns.length).toBe(3);
      expect(turns[turns.length - 1]).toBeLessThan(chunk);
      const outcomes = await all;
      expect(outcomes).toHaveLength(pages.length);
      // The chunk it took was the queue's last: its pages came back in their places.
      expect(outcomes.slice(-chunk)).toEqual(pages.slice(-chunk).map((page) => ({ json: parseHere(page) })));
    } finally {
      await pool.close();
    }
  });

  it('answers false when no chunk is waiting or there is no local parser', async () => {
    const pool = new ParsePool({ size: 1, contentDir: CONTENT_DIR });
    try {
      expect(await pool.helpOne()).toBe(false);
    } finally {
      await pool.close();
    }
  });
});

describe('a pool in a process started with V8 heap flags (the Docker image\'s NODE_OPTIONS)', () => {
  // The flags would size the worker's heap instead of its limits: run a pool in such a process.
  const IMAGE_FLAGS = ['--max-old-space-size=768', '--max-semi-space-size=16'];
  const script = `
    const v8 = require('node:v8');
    const { ParsePool } = require(${JSON.stringify(path.resolve(__dirname, '../../../dist/index/store/parsePool.js'))});
    const huge = Buffer.from('## Account Executive\\n\\n' + '- sells to new customers in the region every quarter\\n'.repeat(250000));
    const pool = new ParsePool({ size: 1, contentDir: ${JSON.stringify(CONTENT_DIR)}, resourceLimits: ${JSON.stringify(TIGHT)} });
    pool.parse([{ path: ${JSON.stringify(`${CONTENT_DIR}/sales/huge.md`)}, text: huge }]).then(async ([outcome]) => {
      await pool.close();
      const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
      process.stdout.write(JSON.stringify({ outcome: 'error' in outcome ? outcome.error : 'parsed', limitMb }));
    });`;

  it('holds the worker to its own limits, and this thread to the flags', () => {
    const out = JSON.parse(execFileSync(process.execPath, [...IMAGE_FLAGS, '-e', script], { encoding: 'utf8' })) as { outcome: string; limitMb: number };
    // Under a 768 MB old space the worker would parse the page; under its 16 MB it runs out.
    expect(out.outcome).toMatch(/memory/i);
    expect(out.limitMb).toBeGreaterThanOrEqual(768);
  });
});

describe('BlobCache over a pool whose worker dies on a page', () => {
  const pages = [0, 1, 2].map((i) => ({ path: `${CONTENT_DIR}/sales/page-${i}.md`, blob: i.toString(16).padStart(40, '0') }));
  const read = async (ids: string[]) => new Map(ids.map((id) => [id, id === pages[1].blob ? HUGE : PAGE] as const));

  it('holds that family with a parse-failed warning, the others parsed, and does not persist it', async () => {
    const dir = tempDir('rg-pool-cache-');
    const events: Array<Record<string, unknown>> = [];
    const cache = new BlobCache({ dir, contentDir: CONTENT_DIR, pool: { minPages: 1, size: 1, resourceLimits: TIGHT, local: false }, log: (e) => events.push(e) });
    await cache.ensure(pages, read);
    expect(cache.stats()).toMatchObject({ parsed: 3, missing: 0 });
    const failed = cache.get(pages[1].path, pages[1].blob)!;
    expect(failed.slug).toBe('sales/page-1');
    expect(failed.roles).toEqual([]);
    expect(failed.warnings.map((w) => w.code)).toEqual(['parse-failed']);
    expect(cache.get(pages[0].path, pages[0].blob)!.roles.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.event === 'parse-worker-failed').map((e) => e.path)).toEqual([pages[1].path]);
    await cache.close();
    expect(liveWorkers()).toBe(0);

    // The next start reads the two good pages back and parses the failed one again (on this thread).
    const again = new BlobCache({ dir, contentDir: CONTENT_DIR, pool: false });
    await again.ensure(pages, read);
    expect(again.stats()).toMatchObject({ parsed: 1, loaded: 2 });
    expect(again.get(pages[1].path, pages[1].blob)!.warnings.map((w) => w.code)).not.toContain('parse-failed');
    await again.close();
  });

  it('parses that page on its own thread by default, holds it like any other and persists it', async () => {
    const dir = tempDir('rg-pool-local-');
    const events: Array<Record<string, unknown>> = [];
    const readLarge = async (ids: string[]) => new Map(ids.map((id) => [id, id === pages[1].blob ? LARGE : PAGE] as const));
    const cache = new BlobCache({ dir, contentDir: CONTENT_DIR, pool: { minPages: 1, size: 1, resourceLimits: TIGHT }, log: (e) => events.push(e) });
    await cache.ensure(pages, readLarge);
    expect(cache.stats()).toMatchObject({ parsed: 3, missing: 0 });
    const large = cache.get(pages[1].path, pages[1].blob)!;
    expect(JSON.stringify(large)).toBe(familyText(parseHere({ path: pages[1].path, text: LARGE })));
    expect(large.warnings.map((w) => w.code)).not.toContain('parse-failed');
    expect(events.filter((e) => e.event === 'parse-worker-failed')).toEqual([]);
    await cache.close();
    expect(liveWorkers()).toBe(0);

    const again = new BlobCache({ dir, contentDir: CONTENT_DIR, pool: false });
    await again.ensure(pages, readLarge);
    expect(again.stats()).toMatchObject({ parsed: 0, loaded: 3 });
    await again.close();
  });
});
