// Pack files of checksummed records: every complete, intact record is read back in order; a torn
// tail, a record edited in place or bytes that are no record are detected and skipped, never served.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeRecord, encodeRecordParts, listPacks, packName, PackWriter, scanPack } from '../../../src/index/store/parsePack';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-pack-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const BODIES = ['{"a":1}', '{"b":"two – ünïcode"}', JSON.stringify({ long: 'x'.repeat(5000) })];

async function readAll(file: string): Promise<{ bodies: string[]; damaged: number }> {
  const bodies: string[] = [];
  const scan = await scanPack(file, (body) => bodies.push(body.toString('utf8')));
  expect(scan.records).toBe(bodies.length);
  return { bodies, damaged: scan.damaged };
}

async function writePack(bodies: readonly string[][]): Promise<string> {
  const file = path.join(dir, packName(1));
  const writer = await PackWriter.create(file);
  for (const batch of bodies) await writer.append(batch.map(encodeRecord));
  await writer.close();
  return file;
}

describe('pack files', () => {
  it('encode a body given in parts exactly as the joined body', async () => {
    const parts = ['{"path":"sales/ä.md","family":', '{"title":"Kundenbetreuer – ünïcode"', '', ',"emoji":"🙂"}', '}'];
    expect(encodeRecordParts(parts).equals(encodeRecord(parts.join('')))).toBe(true);
    const file = path.join(dir, packName(1));
    const writer = await PackWriter.create(file);
    await writer.append([encodeRecordParts(parts)]);
    await writer.close();
    expect(await readAll(file)).toEqual({ bodies: [parts.join('')], damaged: 0 });
  });

  it('read back every record appended, in order, across batches', async () => {
    const file = await writePack([BODIES.slice(0, 2), BODIES.slice(2)]);
    expect(await readAll(file)).toEqual({ bodies: BODIES, damaged: 0 });
  });

  it('ignore a torn last record and keep the ones before it', async () => {
    const file = await writePack([BODIES]);
    const raw = fs.readFileSync(file);
    for (const cut of [raw.length - 1, raw.length - 4000, raw.length - encodeRecord(BODIES[2]).length + 10]) {
      fs.writeFileSync(file, raw.subarray(0, cut));
      expect(await readAll(file)).toEqual({ bodies: BODIES.slice(0, 2), damaged: 1 });
    }
  });

  it('skip a record edited in place and resynchronise on the next one', async () => {
    const file = await writePack([BODIES]);
    const raw = Buffer.from(fs.readFileSync(file));
    raw.write('"b":"TWO', raw.indexOf('"b":"two'), 'utf8');
    fs.writeFileSync(file, raw);
    expect(await readAll(file)).toEqual({ bodies: [BODIES[0], BODIES[2]], damaged: 1 });
    // A damaged length too: the reader finds the next record by its magic.
    raw.writeUInt32LE(3, raw.indexOf('RGR1', 4) + 4);
    fs.writeFileSync(file, raw);
    expect(await readAll(file)).toEqual({ bodies: [BODIES[0], BODIES[2]], damaged: 1 });
  });

  it('skip bytes that are no record (a foreign file, garbage between records)', async () => {
    const file = await writePack([BODIES]);
    const raw = fs.readFileSync(file);
    const second = raw.indexOf('RGR1', 4);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('garbage'), raw.subarray(0, second), Buffer.from('junk junk'), raw.subarray(second)]));
    expect(await readAll(file)).toEqual({ bodies: BODIES, damaged: 2 });
    fs.writeFileSync(file, 'not a pack at all');
    expect(await readAll(file)).toEqual({ bodies: [], damaged: 1 });
  });

  it('are listed by sequence; other names and folders are not packs', async () => {
    for (const seq of [10, 2]) fs.writeFileSync(path.join(dir, packName(seq)), '');
    fs.writeFileSync(path.join(dir, `${packName(3)}.123.tmp`), '');
    fs.mkdirSync(path.join(dir, packName(4)));
    fs.mkdirSync(path.join(dir, 'ab'));
    expect(await listPacks(dir)).toEqual([
      { name: packName(2), sequence: 2 },
      { name: packName(10), sequence: 10 },
    ]);
    expect(await listPacks(path.join(dir, 'missing'))).toEqual([]);
  });

  it('are never appended to by a second writer', async () => {
    const file = await writePack([BODIES]);
    await expect(PackWriter.create(file)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
