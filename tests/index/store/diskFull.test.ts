// A full disk while the parse cache writes (issue 13): ENOSPC mid-append must leave no partial
// record on disk, tell the caller (counted, logged at warn), and keep every page served from memory.
// The disk is a real 64 KiB tmpfs, which needs root to mount: the development machines and CI run
// the suite as root; elsewhere this test is skipped and says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobCache } from '../../../src/index/store/blobCache';
import { listPacks, scanPack } from '../../../src/index/store/parsePack';
import { seed } from '../../helpers/makeRepo';
import { MemorySource } from '../memorySource';

const CONTENT = 'content/job-families';
const canMount = process.getuid?.() === 0;
if (!canMount) console.warn('diskFull.test: not root, cannot mount a tiny tmpfs; skipped');

let mount: string;
beforeAll(() => {
  if (!canMount) return;
  mount = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-full-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
});
afterAll(() => {
  if (!canMount) return;
  execFileSync('umount', [mount]);
  fs.rmdirSync(mount);
});

(canMount ? it : it.skip)('ENOSPC while appending: no partial record is left, the failure is reported, the pages serve from memory', async () => {
  // Twelve families, each a real seed page at its own path: more parsed JSON than the disk holds.
  const names = ['vp-of-commercial-sales.md', 'director-regional-sales.md', 'high-velocity-sales-and-first-orders.md'];
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i += 1) files[`${CONTENT}/sales/page-${i}.md`] = seed(names[i % names.length]);
  const source = new MemorySource([{ files }]);
  const pages = source.steps[0].changes.map((c) => ({ path: c.newPath!, blob: c.newBlob! }));

  const dir = path.join(mount, 'parsed');
  const failures: unknown[] = [];
  const events: Array<Record<string, unknown>> = [];
  const cache = new BlobCache({ dir, contentDir: CONTENT, log: (e) => events.push(e), onWriteFailed: (err) => failures.push(err) });
  // One page first, which fits: the pack then holds a whole record before the write that fails.
  await cache.ensure(pages.slice(0, 1), (ids) => source.readBlobs(ids));
  expect(failures).toEqual([]);
  await cache.ensure(pages, (ids) => source.readBlobs(ids));

  expect(failures.length).toBeGreaterThanOrEqual(1);
  expect(failures[0]).toMatchObject({ code: 'ENOSPC' });
  expect(events).toContainEqual(expect.objectContaining({ event: 'parsed-cache-write-failed', level: 'warn' }));
  for (const page of pages) expect(cache.get(page.path, page.blob)?.slug).toBe(`sales/${path.basename(page.path, '.md')}`);
  await cache.close();

  // What stayed on disk is whole records only: the pack cut back to its last synced record.
  const packDir = cache.packDir()!;
  const packs = await listPacks(packDir);
  expect(packs).toHaveLength(1);
  for (const { name } of packs) {
    const scan = await scanPack(path.join(packDir, name), () => undefined);
    expect(scan.damaged).toBe(0);
    expect(scan.end).toBe(fs.statSync(path.join(packDir, name)).size);
  }
  expect(fs.readdirSync(packDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
