// Append-only pack files of checksummed records: how the blob cache persists parsed pages. One
// file holds many entries, so a warm restart reads a few files sequentially instead of opening one
// file per (path, blob) — 38,000 of them at 20,000 commits.
//
// Record: `RGR1` (4 bytes) · body length (u32 LE) · sha256 of the body (32 bytes) · body.
// A record is served only when its whole body is present and matches its checksum. A crash while
// appending leaves a torn last record, which the reader detects and ignores (the records before it
// stay valid); a damaged record is skipped, and the reader resynchronises on the next magic.
import { createHash } from 'node:crypto';
import { promises as fsp, type Dirent } from 'node:fs';

const MAGIC = Buffer.from('RGR1', 'latin1');
const HEADER_BYTES = 4 + 4 + 32;
/** A parsed page is tens of KB; a length beyond this is damage, not a record. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** Bytes read per call while scanning a pack: sequential, and bounded in memory. */
const READ_CHUNK = 4 * 1024 * 1024;

/**
 * One buffer per record, the body encoded in place after its header: a cold build encodes every
 * page version (458 MB of JSON at 20,000 commits), and each extra copy is memory outside the heap
 * that stays until a major GC frees its wrapper (bench/ANALYSIS.md, issue 15 target 6).
 */
export function encodeRecord(body: string): Buffer {
  return encodeRecordParts([body]);
}

/**
 * The record of the body `parts` make joined, written piece by piece: a body built as one string
 * (a family's text cut at its roles, joined) is a flat copy in the heap, and writing a concatenation
 * flattens it once more.
 */
export function encodeRecordParts(parts: readonly string[]): Buffer {
  let length = 0;
  for (const part of parts) length += Buffer.byteLength(part, 'utf8');
  const record = Buffer.allocUnsafe(HEADER_BYTES + length);
  MAGIC.copy(record, 0);
  record.writeUInt32LE(length, 4);
  let at = HEADER_BYTES;
  for (const part of parts) at += record.write(part, at, 'utf8');
  createHash('sha256').update(record.subarray(HEADER_BYTES)).digest().copy(record, 8);
  return record;
}

export interface PackScan {
  /** Valid records found. */
  records: number;
  /** Damaged stretches: a record failing its checksum, bytes that are no record, a torn tail. */
  damaged: number;
  /** File offset just past the last valid record (or `from`): where a later scan can resume. */
  end: number;
}

/**
 * Calls `onRecord` with each valid record's body (a view into a reused read buffer: copy what must
 * outlive the call) and its raw bytes (header included, for rewriting a damaged pack), in file order.
 * `from` resumes at an offset an earlier scan returned as `end` (a record boundary).
 */
export async function scanPack(file: string, onRecord: (body: Buffer, raw: Buffer) => void, from = 0): Promise<PackScan> {
  const handle = await fsp.open(file, 'r');
  const scan: PackScan = { records: 0, damaged: 0, end: from };
  try {
    let buffer = Buffer.alloc(0);
    /** File offset of `buffer[0]`, and of the next read. */
    let offset = from;
    let readAt = from;
    const drop = (bytes: number): void => {
      buffer = buffer.subarray(bytes);
      offset += bytes;
    };
    let eof = false;
    /** Set while skipping bytes that are no record, so one damaged stretch counts once. */
    let lost = false;
    const fill = async (need: number): Promise<boolean> => {
      while (buffer.length < need && !eof) {
        const chunk = Buffer.allocUnsafe(Math.max(READ_CHUNK, need - buffer.length));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, readAt);
        readAt += bytesRead;
        if (bytesRead === 0) eof = true;
        else buffer = buffer.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([buffer, chunk.subarray(0, bytesRead)]);
      }
      return buffer.length >= need;
    };
    /** Bytes that are no record count once per stretch; every record that fails counts. */
    const damage = (record: boolean): void => {
      if (record || !lost) scan.damaged += 1;
      lost = true;
    };
    for (;;) {
      if (!(await fill(HEADER_BYTES))) {
        if (buffer.length > 0) damage(false); // a torn header at the end (or the tail of a damaged stretch)
        break;
      }
      if (!buffer.subarray(0, 4).equals(MAGIC)) {
        damage(false);
        const next = buffer.indexOf(MAGIC, 1);
        // Keep the last 3 bytes: a magic may straddle the next read.
        drop(next >= 0 ? next : Math.max(1, buffer.length - 3));
        if (next < 0 && eof) break;
        continue;
      }
      const length = buffer.readUInt32LE(4);
      if (length > MAX_RECORD_BYTES) {
        damage(true);
        drop(1);
        continue;
      }
      if (!(await fill(HEADER_BYTES + length))) {
        damage(true); // torn tail: a crash mid-append
        break;
      }
      const raw = buffer.subarray(0, HEADER_BYTES + length);
      const body = raw.subarray(HEADER_BYTES);
      if (createHash('sha256').update(body).digest().equals(raw.subarray(8, HEADER_BYTES))) {
        lost = false;
        scan.records += 1;
        onRecord(body, raw);
        drop(raw.length);
        scan.end = offset;
      } else {
        // The length may be the damaged part: look for the next record from the next byte.
        damage(true);
        drop(1);
      }
    }
  } finally {
    await handle.close();
  }
  return scan;
}

/** `pack-000012.rg` → 12; null for any other name (temp files, the old per-entry layout). */
export function packSequence(name: string): number | null {
  const match = PACK_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

/** A finished or growing pack file: `pack-` + decimal sequence + `.rg`. */
const PACK_NAME = /^pack-(\d{1,12})\.rg$/;

export function packName(sequence: number): string {
  return `pack-${String(sequence).padStart(6, '0')}.rg`;
}

/** Pack files in `dir`, oldest first (by sequence); empty when the folder does not exist. */
export async function listPacks(dir: string): Promise<Array<{ name: string; sequence: number }>> {
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const packs: Array<{ name: string; sequence: number }> = [];
  for (const entry of entries) {
    const name = entry.name;
    const sequence = entry.isFile() ? packSequence(name) : null;
    if (sequence !== null) packs.push({ name, sequence });
  }
  return packs.sort((a, b) => a.sequence - b.sequence);
}

/**
 * One pack being appended to. Opened exclusively (never appends to another process's pack, never
 * rewrites an old one), each `append` is written and fsynced before it resolves.
 */
export class PackWriter {
  private constructor(
    readonly file: string,
    private readonly handle: fsp.FileHandle,
  ) {}

  static async create(file: string): Promise<PackWriter> {
    return new PackWriter(file, await fsp.open(file, 'wx', 0o644));
  }

  /** Bytes appended and synced so far: every record before this offset is complete. */
  size = 0;

  /**
   * On failure (ENOSPC mid-write) the pack is cut back to `size`, so no partial record stays on disk
   * to be read as damage (and to hold the space the disk lacks); the error is rethrown.
   */
  async append(records: readonly Buffer[]): Promise<void> {
    let total = 0;
    for (const record of records) total += record.length;
    if (total === 0) return;
    try {
      // Gathered by the kernel rather than concatenated here: no second copy of the batch.
      for (let written = 0; written < total; ) {
        const { bytesWritten } = await this.handle.writev(unwritten(records, written), this.size + written);
        if (bytesWritten === 0) throw new Error(`pack write made no progress at ${this.size + written}`);
        written += bytesWritten;
      }
      await this.handle.sync();
    } catch (err) {
      await this.handle.truncate(this.size).catch(() => undefined);
      throw err;
    }
    this.size += total;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** What is left of `buffers` after their first `skip` bytes (a short write resumes there). */
function unwritten(buffers: readonly Buffer[], skip: number): Buffer[] {
  if (skip === 0) return buffers as Buffer[];
  const out: Buffer[] = [];
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    out.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return out;
}
