// The value table: a warm load serves the pages the table holds without parsing or re-interning
// them, deep-equal to parsing and still shared across versions; records appended after the table
// was written come from the packs; a damaged table is never served (the packs answer instead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobCache, type PageRef } from '../../../src/index/store/blobCache';
import { encodeChecksummed } from '../../../src/index/store/checksummedFile';
import { TABLE_FILE } from '../../../src/index/store/valueTable';
import { parseFamily } from '../../../src/parse/parseFamily';
import type { JobFamily } from '../../../src/parse/types';
import { seed } from '../../helpers/makeRepo';
import { blobId, edit } from '../realPages';

const CONTENT_DIR = 'content/job-families';
const V1 = seed('high-velocity-sales-and-first-orders.md');
const V2 = edit(V1, 'The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');
const OTHER = seed('director-regional-sales.md');
const LATER = seed('vp-of-commercial-sales.md');
const HV = `${CONTENT_DIR}/sales/high-velocity-sales-and-first-orders.md`;
const TEXTS = [V1, V2, OTHER, LATER];
const byBlob = new Map(TEXTS.map((t) => [blobId(t), Buffer.from(t, 'utf8')] as const));
const read = async (ids: string[]): Promise<Map<string, Buffer | null>> => new Map(ids.map((id) => [id, byBlob.get(id) ?? null] as const));
const ref = (p: string, text: string): PageRef => ({ path: p, blob: blobId(text) });
const FIRST: PageRef[] = [ref(HV, V1), ref(HV, V2), ref(`${CONTENT_DIR}/sales/director-regional-sales.md`, OTHER)];
const FOURTH = ref(`${CONTENT_DIR}/sales/vp-of-commercial-sales.md`, LATER);
/** What parsing gives, as the cache serves it (after its JSON round trip). */
const expected = (p: PageRef): JobFamily =>
  JSON.parse(JSON.stringify(parseFamily(p.path, byBlob.get(p.blob)!, { contentDir: CONTENT_DIR }))) as JobFamily;
const noParse = (): JobFamily => {
  throw new Error('parsed, but the cache should have served this page');
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-table-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function build(pages: PageRef[]): Promise<BlobCache> {
  const cache = new BlobCache({ dir, contentDir: CONTENT_DIR });
  await cache.ensure(pages, read);
  await cache.close();
  return cache;
}

const tableOf = (cache: BlobCache): string => path.join(cache.packDir()!, TABLE_FILE);

describe('value table', () => {
  it('serves a warm load deep-equal to parsing, frozen and shared across versions, without parsing', async () => {
    const first = await build(FIRST);
    expect(fs.existsSync(tableOf(first))).toBe(true);
    const warm = new BlobCache({ dir, contentDir: CONTENT_DIR, parse: noParse });
    await warm.ensure(FIRST, read);
    expect(warm.stats()).toMatchObject({ parsed: 0, loaded: 3, corrupt: 0 });
    for (const p of FIRST) expect(warm.get(p.path, p.blob)).toEqual(expected(p));
    const one = warm.get(HV, FIRST[0].blob)!;
    const two = warm.get(HV, FIRST[1].blob)!;
    expect(Object.isFrozen(one.roles)).toBe(true);
    expect(two.careerLadder).toBe(one.careerLadder);
    const lead = (f: JobFamily) => f.roles.find((r) => r.id.endsWith('#smb-advocate-team-lead'))!;
    expect([lead(one).grade, lead(two).grade]).toEqual([6, 7]);
    expect(lead(two).responsibilities).toBe(lead(one).responsibilities);
    // A page parsed after the load shares with the loaded values.
    const parsing = new BlobCache({ dir, contentDir: CONTENT_DIR });
    await parsing.ensure(FIRST, read);
    await parsing.ensure([FOURTH], read);
    const fourth = parsing.get(FOURTH.path, FOURTH.blob)!;
    expect(fourth).toEqual(expected(FOURTH));
    expect(fourth.roles[0].title).toBe(expected(FOURTH).roles[0].title);
    await warm.close();
    await parsing.close();
  });

  it('reads the records appended after the table from the packs', async () => {
    const first = await build(FIRST);
    const oldTable = fs.readFileSync(tableOf(first));
    await build([...FIRST, FOURTH]); // appends one record to a new pack, writes a new table
    fs.writeFileSync(tableOf(first), oldTable); // a table from before that append
    const warm = new BlobCache({ dir, contentDir: CONTENT_DIR, parse: noParse });
    await warm.ensure([...FIRST, FOURTH], read);
    expect(warm.stats()).toMatchObject({ parsed: 0, loaded: 4, corrupt: 0 });
    for (const p of [...FIRST, FOURTH]) expect(warm.get(p.path, p.blob)).toEqual(expected(p));
    await warm.close();
  });

  it('never serves a damaged table: the packs answer, and the table is written again', async () => {
    const first = await build(FIRST);
    const file = tableOf(first);
    const raw = fs.readFileSync(file);
    const at = raw.indexOf('grade 6');
    expect(at).toBeGreaterThan(0);
    raw.write('grade 9', at, 'utf8'); // same length, wrong checksum
    fs.writeFileSync(file, raw);
    const events: Array<Record<string, unknown>> = [];
    const warm = new BlobCache({ dir, contentDir: CONTENT_DIR, parse: noParse, log: (e) => events.push(e) });
    await warm.ensure(FIRST, read);
    expect(warm.stats()).toMatchObject({ parsed: 0, loaded: 3, corrupt: 1 });
    expect(events.map((e) => e.event)).toContain('parsed-cache-table-corrupt');
    for (const p of FIRST) expect(warm.get(p.path, p.blob)).toEqual(expected(p));
    await warm.close();
    const again = new BlobCache({ dir, contentDir: CONTENT_DIR, parse: noParse });
    await again.ensure(FIRST, read);
    expect(again.stats()).toMatchObject({ parsed: 0, loaded: 3, corrupt: 0 });
    await again.close();
  });

  it('falls back to the packs when a checksummed table is malformed (an id before its value)', async () => {
    const first = await build(FIRST);
    const bad = { format: 'rg-values-2', packs: [], entries: [HV, FIRST[0].blob, 1], strings: ['x'], primitives: [], nodes: [1, 1, 5, 6, 3] };
    fs.writeFileSync(tableOf(first), encodeChecksummed(JSON.stringify(bad)));
    const warm = new BlobCache({ dir, contentDir: CONTENT_DIR, parse: noParse });
    await warm.ensure(FIRST, read);
    expect(warm.stats()).toMatchObject({ parsed: 0, loaded: 3, corrupt: 1 });
    expect(warm.get(HV, FIRST[0].blob)).toEqual(expected(FIRST[0]));
    await warm.close();
  });

  it('reads a table of the earlier format as absent: the packs answer, nothing is reported damaged, and a new table is written', async () => {
    const first = await build(FIRST);
    const earlier = { format: 'rg-values-1', packs: [], entries: [[HV, FIRST[0].blob, 1]], values: ['x', [0, 0]] };
    fs.writeFileSync(tableOf(first), encodeChecksummed(JSON.stringify(earlier)));
    const warm = new BlobCache({ dir, contentDir: CONTENT_DIR, parse: noParse });
    await warm.ensure(FIRST, read);
    expect(warm.stats()).toMatchObject({ parsed: 0, loaded: 3, corrupt: 0 });
    await warm.persist();
    const text = fs.readFileSync(tableOf(first), 'utf8');
    expect((JSON.parse(text.slice(text.indexOf('\n') + 1)) as { format: string }).format).toBe('rg-values-2');
    await warm.close();
  });
});

describe('value table written in parts', () => {
  it('reads back a table of many parts (values and entry rows past one part) exactly as it was held', async () => {
    const { HashCons } = await import('../../../src/index/store/hashCons');
    const { readValueTable, writeValueTable } = await import('../../../src/index/store/valueTable');
    const hashCons = new HashCons();
    // 20,000 families of distinct strings: more values and more entry rows than one part holds.
    const entries = Array.from({ length: 20_000 }, (_, i) => ({
      path: `${CONTENT_DIR}/sales/page-${i}.md`,
      blob: i.toString(16).padStart(40, '0'),
      family: hashCons.share({ slug: `sales/page-${i}`, intro: [`item ${i}`], roles: [{ title: `Role ${i % 7}`, items: ['shared item'] }] }) as unknown as JobFamily,
    }));
    const file = path.join(dir, TABLE_FILE);
    await writeValueTable(file, hashCons, entries, new Map([['pack-000001.rg', 1234]]));
    const table = await readValueTable(file);
    if (table === null || table === 'damaged') throw new Error(`table not read back: ${String(table)}`);
    expect(table.hashCons.size).toBe(hashCons.size);
    expect(table.packs).toEqual(new Map([['pack-000001.rg', 1234]]));
    expect(table.entries).toHaveLength(entries.length);
    expect(table.entries[19_999]).toEqual(entries[19_999]);
    expect(table.entries.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    // Shared as when interned: equal roles of two pages are one object.
    expect(table.entries[0].family.roles[0]).toBe(table.entries[7].family.roles[0]);
    expect(table.entries[0].family.roles[0]).not.toBe(table.entries[1].family.roles[0]);
  });

  it('writes ASCII text whatever the pages hold, and reads back the same strings', async () => {
    const { HashCons } = await import('../../../src/index/store/hashCons');
    const { readValueTable, writeValueTable } = await import('../../../src/index/store/valueTable');
    const hashCons = new HashCons();
    const texts = ['“Curly” quotes — and a dash', 'Ünïcödé Łódź', 'emoji 🚀 and 日本語', 'a lone \ud800 surrogate', 'tab\tand "quotes" and \\ backslash', '\u007f delete'];
    const path1 = `${CONTENT_DIR}/ventes/équipe-“a”.md`;
    const entries = [{ path: path1, blob: 'f'.repeat(40), family: hashCons.share({ slug: 'équipe', intro: texts, roles: [] }) as unknown as JobFamily }];
    const file = path.join(dir, TABLE_FILE);
    await writeValueTable(file, hashCons, entries, new Map([['pack-é.rg', 1]]));
    const raw = fs.readFileSync(file);
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    const table = await readValueTable(file);
    if (table === null || table === 'damaged') throw new Error(`table not read back: ${String(table)}`);
    expect(table.entries).toEqual(entries);
    expect((table.entries[0].family as unknown as { intro: string[] }).intro).toEqual(texts);
    expect(table.packs).toEqual(new Map([['pack-é.rg', 1]]));
  });
});
