// The blob cache over a shared second tier (issue 14): pages one process parsed are taken from the
// tier by the next instead of parsed, and kept in its own packs; keys carry the parser version; a
// value that is not the page's is a miss; a failing tier costs one call, one warning and a counter,
// never the index. The tier here is an in-memory SharedParseTier (the Redis one is tested in
// tests/cluster): the index layer's logic around it, with plain data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobCache } from '../../../src/index/store/blobCache';
import { SKIP_AFTER_FAILURE_MS } from '../../../src/index/store/sharedPages';
import type { SharedParseTier } from '../../../src/index';
import { seed } from '../../helpers/makeRepo';

const CONTENT_DIR = 'content/job-families';
const TEXT = Buffer.from(seed('high-velocity-sales-and-first-orders.md'), 'utf8');
const pageAt = (i: number) => ({ path: `${CONTENT_DIR}/sales/page-${i}.md`, blob: i.toString(16).padStart(40, '0') });
/** More pages than one read batch (200), so batching shows. */
const PAGES = Array.from({ length: 250 }, (_, i) => pageAt(i));

/** A tier that keeps values in a Map and records each call's size. */
function mapTier(): SharedParseTier & { values: Map<string, Buffer>; gets: number[]; sets: number[] } {
  const values = new Map<string, Buffer>();
  const gets: number[] = [];
  const sets: number[] = [];
  return {
    values,
    gets,
    sets,
    async getMany(keys) {
      gets.push(keys.length);
      return new Map(keys.flatMap((k) => (values.has(k) ? [[k, values.get(k)!] as const] : [])));
    },
    async setMany(entries) {
      sets.push(entries.length);
      for (const [k, v] of entries) values.set(k, v);
    },
  };
}

let dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-shared-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

let blobReads = 0;
const read = async (ids: string[]): Promise<Map<string, Buffer | null>> => {
  blobReads += ids.length;
  return new Map(ids.map((id) => [id, TEXT] as const));
};
beforeEach(() => (blobReads = 0));

it('a second cache with an empty folder takes every page from the tier, parses none, and keeps them in its own packs', async () => {
  const tier = mapTier();
  const first = new BlobCache({ dir: tempDir(), contentDir: CONTENT_DIR, sharedTier: tier });
  await first.ensure(PAGES, read);
  await first.close();
  expect(first.stats()).toMatchObject({ parsed: 250, shared: 0, sharedFailures: 0 });
  // Batched: one call per read batch of 100, never one per page.
  expect(tier.gets).toEqual([100, 100, 50]);
  expect(tier.sets).toEqual([100, 100, 50]);
  expect(tier.values.size).toBe(250);
  // Keys carry the parser version and content folder before the blob and path.
  expect([...tier.values.keys()][0]).toMatch(/^parser-2-content_job-families-[0-9a-f]{8}:0{40}:content\/job-families\/sales\/page-0\.md$/);

  blobReads = 0;
  const joinDir = tempDir();
  const joining = new BlobCache({ dir: joinDir, contentDir: CONTENT_DIR, sharedTier: tier });
  await joining.ensure(PAGES, read);
  await joining.close();
  expect(joining.stats()).toMatchObject({ parsed: 0, shared: 250, loaded: 0, sharedFailures: 0 });
  expect(blobReads).toBe(0);
  expect(joining.get(PAGES[7].path, PAGES[7].blob)).toEqual(first.get(PAGES[7].path, PAGES[7].blob));
  expect(joining.get(PAGES[7].path, PAGES[7].blob)!.slug).toBe('sales/page-7');

  // The first tier kept them: a restart over the same folder reads them from disk, with no tier at all.
  const restart = new BlobCache({ dir: joinDir, contentDir: CONTENT_DIR });
  await restart.ensure(PAGES, read);
  expect(restart.stats()).toMatchObject({ parsed: 0, loaded: 250, shared: 0 });
  await restart.close();
});

it('a parser version bump never reads the old entries', async () => {
  const tier = mapTier();
  const old = new BlobCache({ dir: null, contentDir: CONTENT_DIR, sharedTier: tier });
  await old.ensure(PAGES.slice(0, 10), read);
  const bumped = new BlobCache({ dir: null, contentDir: CONTENT_DIR, sharedTier: tier, version: 'parser-3' });
  await bumped.ensure(PAGES.slice(0, 10), read);
  expect(bumped.stats()).toMatchObject({ parsed: 10, shared: 0 });
  expect(tier.values.size).toBe(20);
});

it('a value that is not the page (damaged, or another page under its key) is a miss: the page is parsed', async () => {
  const tier = mapTier();
  const writer = new BlobCache({ dir: null, contentDir: CONTENT_DIR, sharedTier: tier });
  await writer.ensure(PAGES.slice(0, 3), read);
  const [k0, k1, k2] = [...tier.values.keys()];
  tier.values.set(k0, Buffer.from('{"path":', 'utf8'));
  tier.values.set(k1, tier.values.get(k2)!); // page 2's entry under page 1's key
  const reader = new BlobCache({ dir: null, contentDir: CONTENT_DIR, sharedTier: tier });
  await reader.ensure(PAGES.slice(0, 3), read);
  expect(reader.stats()).toMatchObject({ parsed: 2, shared: 1 });
  expect(reader.get(PAGES[1].path, PAGES[1].blob)!.slug).toBe('sales/page-1');
});

it('a tier that fails is asked once, then skipped: every page is parsed, one warning, one counted failure', async () => {
  const calls: string[] = [];
  const failing: SharedParseTier = {
    getMany: async () => {
      calls.push('get');
      throw new Error('connect ECONNREFUSED 127.0.0.1:6390');
    },
    setMany: async () => {
      calls.push('set');
      throw new Error('connect ECONNREFUSED 127.0.0.1:6390');
    },
  };
  const events: Array<Record<string, unknown>> = [];
  const cache = new BlobCache({ dir: tempDir(), contentDir: CONTENT_DIR, sharedTier: failing, log: (e) => events.push(e) });
  await cache.ensure(PAGES, read);
  expect(cache.stats()).toMatchObject({ parsed: 250, shared: 0, sharedFailures: 1 });
  expect(calls).toEqual(['get']);
  expect(events.filter((e) => e.level === 'warn')).toEqual([
    { event: 'shared-parse-cache-failed', level: 'warn', op: 'get', error: 'connect ECONNREFUSED 127.0.0.1:6390', skipForMs: SKIP_AFTER_FAILURE_MS },
  ]);
  await cache.close();
});

it('a failed write is counted and logged, and the pages stay served', async () => {
  const tier = mapTier();
  const events: Array<Record<string, unknown>> = [];
  const cache = new BlobCache({
    dir: null,
    contentDir: CONTENT_DIR,
    sharedTier: { getMany: (keys) => tier.getMany(keys), setMany: async () => Promise.reject(new Error('OOM command not allowed when used memory > maxmemory')) },
    log: (e) => events.push(e),
  });
  await cache.ensure(PAGES.slice(0, 5), read);
  expect(cache.stats()).toMatchObject({ parsed: 5, sharedFailures: 1 });
  expect(events.filter((e) => e.level === 'warn').map((e) => [e.op, e.error])).toEqual([['set', 'OOM command not allowed when used memory > maxmemory']]);
  expect(cache.get(PAGES[4].path, PAGES[4].blob)!.slug).toBe('sales/page-4');
});
