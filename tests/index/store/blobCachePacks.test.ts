// The blob cache over its packs: each process appends to a pack of its own, a restart reads them
// all, and once there are many they are merged into one so restarts keep reading few files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobCache } from '../../../src/index/store/blobCache';
import { seed } from '../../helpers/makeRepo';

const CONTENT_DIR = 'content/job-families';
const TEXT = Buffer.from(seed('high-velocity-sales-and-first-orders.md'), 'utf8');
const read = async (ids: string[]): Promise<Map<string, Buffer | null>> => new Map(ids.map((id) => [id, TEXT] as const));
const pageAt = (i: number) => ({ path: `${CONTENT_DIR}/sales/page-${i}.md`, blob: i.toString(16).padStart(40, '0') });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-packs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const packsIn = (cache: BlobCache): string[] => fs.readdirSync(cache.packDir()!).filter((n) => n.endsWith('.rg'));

it('reads back what earlier processes appended, and merges many packs into one', async () => {
  const PROCESSES = 17; // one more than the packs a load leaves alone
  for (let i = 0; i < PROCESSES; i++) {
    const cache = new BlobCache({ dir, contentDir: CONTENT_DIR });
    await cache.ensure([pageAt(i)], read);
    expect(cache.stats()).toMatchObject({ parsed: 1, loaded: i, corrupt: 0 });
    await cache.close();
    expect(packsIn(cache)).toHaveLength(i + 1);
  }
  const merged = new BlobCache({ dir, contentDir: CONTENT_DIR });
  const all = Array.from({ length: PROCESSES }, (_, i) => pageAt(i));
  await merged.ensure(all, read);
  expect(merged.stats()).toMatchObject({ parsed: 0, loaded: PROCESSES, corrupt: 0 });
  expect(merged.get(all[3].path, all[3].blob)!.slug).toBe('sales/page-3');
  await merged.close();
  expect(packsIn(merged)).toHaveLength(1);

  const again = new BlobCache({ dir, contentDir: CONTENT_DIR });
  await again.ensure(all, read);
  expect(again.stats()).toMatchObject({ parsed: 0, loaded: PROCESSES, corrupt: 0 });
  await again.close();
});
