// Files the index persists in its cache folder: a header line with a checksum and the body length,
// written to a temp name, fsynced and renamed into place. A reader gets the exact body or null —
// a truncated, damaged or foreign file is never served.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

const HEADER_MAGIC = 'RGCACHE1';
/** `RGCACHE1 <sha256 hex of body> <body bytes>` — the first line of every cache file. */
const HEADER_LINE = /^RGCACHE1 ([0-9a-f]{64}) (\d{1,15})$/;
/** Width of the length in a header written before the body is known (zero-padded, as the pattern allows). */
const LENGTH_DIGITS = 15;
/** A header is ~90 bytes; anything without a newline this early is not ours. */
const MAX_HEADER_BYTES = 200;

export function encodeChecksummed(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const sum = createHash('sha256').update(bytes).digest('hex');
  return Buffer.concat([Buffer.from(`${HEADER_MAGIC} ${sum} ${bytes.length}\n`, 'utf8'), bytes]);
}

/** The body, or null when the header, length or checksum does not match. */
export function decodeChecksummed(raw: Buffer): string | null {
  const newline = raw.indexOf(0x0a);
  if (newline < 0 || newline > MAX_HEADER_BYTES) return null;
  const header = HEADER_LINE.exec(raw.subarray(0, newline).toString('utf8'));
  if (!header) return null;
  const body = raw.subarray(newline + 1);
  if (body.length !== Number(header[2])) return null;
  if (createHash('sha256').update(body).digest('hex') !== header[1]) return null;
  return body.toString('utf8');
}

/** Reads and verifies; null when absent or damaged. */
export async function readChecksummed(file: string): Promise<{ body: string | null; present: boolean }> {
  let raw: Buffer;
  try {
    raw = await fsp.readFile(file);
  } catch {
    return { body: null, present: false };
  }
  return { body: decodeChecksummed(raw), present: true };
}

/** Temp file in the same folder (same file system, so rename is atomic), fsync, rename. */
export async function writeChecksummed(file: string, body: string): Promise<void> {
  await writeChecksummedParts(file, [body]);
}

/**
 * The same file from a body given in parts, written as they come: a large body (the value table)
 * is never held whole, as a string or as bytes. The header, whose checksum and length are known
 * only at the end, is written last over a placeholder of the same width (the length zero-padded).
 */
export async function writeChecksummedParts(file: string, parts: Iterable<string>): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fsp.open(tmp, 'wx', 0o644);
  let written = false;
  try {
    const header = (sum: string, length: number): Buffer => Buffer.from(`${HEADER_MAGIC} ${sum} ${String(length).padStart(LENGTH_DIGITS, '0')}\n`, 'utf8');
    let at = header('0'.repeat(64), 0).length;
    const hash = createHash('sha256');
    let length = 0;
    for (const part of parts) {
      const bytes = Buffer.from(part, 'utf8');
      hash.update(bytes);
      await handle.write(bytes, 0, bytes.length, at);
      at += bytes.length;
      length += bytes.length;
    }
    await handle.write(header(hash.digest('hex'), length), 0, undefined, 0);
    await handle.sync();
    written = true;
  } finally {
    await handle.close();
    // A part that failed (a full disk, or the encoder giving up mid-way) leaves no temp file behind.
    if (!written) await fsp.rm(tmp, { force: true }).catch(() => undefined);
  }
  try {
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
