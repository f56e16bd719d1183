// The bytes of an answer as `res.end` sends them, for the two places that keep an answer's bytes
// (the HTTP answer cache, single flight). Only an answer written whole by one `end` counts: one
// streamed in pieces is not seen, since keeping part of it would serve a truncated answer.
import type { ServerResponse } from 'node:http';

/**
 * Calls `seen` once, as `res` ends: with the body when it went out whole and `wanted()` still held
 * at that moment, else with null. `wanted` lets a caller skip copying an answer nobody needs.
 */
export function onWholeAnswer(res: ServerResponse, seen: (body: Buffer | null) => void, wanted: () => boolean = () => true): void {
  let pieces = false;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((...args: Parameters<ServerResponse['write']>) => {
    pieces = true;
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (!pieces && (typeof chunk === 'string' || Buffer.isBuffer(chunk)) && wanted()) {
      seen(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk);
    } else {
      seen(null);
    }
    return (end as (...a: unknown[]) => ServerResponse)(chunk, encoding, cb);
  }) as ServerResponse['end'];
}
