// An HTTP-level answer cache in front of express and Apollo. Snapshots are immutable, so the bytes
// answered to one exact request body while one head is served never change; repeating them costs
// a hash and a write instead of express routing, body-parser and Apollo's whole request pipeline
// (which alone is ~90% of the time of a cached answer inside Apollo).
//
// Only plain public queries take this path: `POST /graphql`, `Content-Type: application/json`
// (what Apollo's CSRF prevention lets through anyway), a declared Content-Length within the body
// limit, no Content-Encoding and no Authorization header (admin requests always go through Apollo).
// Anything else is handed to express untouched, its body unread, so every refusal (413, CSRF 400,
// chunked bodies) stays where it is. A miss reads the body, parses it as express.json would and
// hands it on as `req.body` (body-parser skips a request whose body has been read); the answer is
// kept only when the Apollo-side plugin judged it cacheable — a query, no `repository` root field,
// no errors, the request's pinned head equal to the head in the key — and it went out as 200.
// Kept answers are bounded by their total bytes (lru-cache's maxSize) and by count, the least
// recently used going first.
// Hits are still counted in the GraphQL request metrics, under the operation name stored with them.
import type { ApolloServerPlugin } from '@apollo/server';
import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { RolegraphContext } from '../../graphql';
import { DEFAULT_LIMITS } from '../limits';
import type { Metrics } from '../metrics';
import { GRAPHQL_PATH, type RequestListener } from '../routes';
import { answerVerdict, DEFAULT_UNCACHEABLE_ROOT_FIELDS, type AnswerVerdict } from './cacheableAnswer';
import { onWholeAnswer } from './wholeAnswer';

export interface ResponseBytesCacheOptions {
  /** Most answers kept, whatever their size; the least recently used goes first. */
  maxEntries: number;
  /** Most answer bytes kept in all (the real bound: answers run from bytes to megabytes). Default: the limits' default. */
  maxBytes?: number;
  /** The request body limit: a larger declared body is left to express.json to refuse. */
  maxBodyBytes: number;
  /** The head sha served right now, or null before the first index. */
  currentHead: () => string | null;
  metrics: Pick<Metrics, 'observeGraphqlRequest'>;
  /** Told of each stored answer served, with the operation it answers (the request log notes it). */
  onHit?: (req: IncomingMessage, operationName: string | null) => void;
  uncacheableRootFields?: readonly string[];
  clock?: () => bigint;
}

export interface ResponseBytesCacheStats {
  hits: number;
  misses: number;
  stores: number;
  size: number;
  bytes: number;
}

export interface ResponseBytesCache {
  /** A node:http request listener answering hits itself and passing everything else to `next`. */
  listener(next: RequestListener): RequestListener;
  /** Call from Apollo's context function: links the request's context to its pending entry. */
  track<T extends object>(req: IncomingMessage, contextValue: T): T;
  /** Tells the fast path whether Apollo's answer may be kept (add to the server's plugins). */
  readonly plugin: ApolloServerPlugin<RolegraphContext>;
  stats(): ResponseBytesCacheStats;
}

export const CACHE_STATUS_HEADER = 'x-rolegraph-cache';
/** The two spellings clients send for a JSON body (fetch, curl, Apollo Client, autocannon). */
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
/** A Content-Length as Node hands it over: digits only (Node already refuses malformed ones). */
const DECIMAL = /^\d{1,12}$/;
/** body-parser's strict mode: a JSON body must open an object or array after RFC 7159 whitespace. */
const STRICT_JSON_START = /^[\x20\x09\x0a\x0d]*[{[]/;
/** Headers that describe this connection, moment or request rather than the answer. */
export const NOT_STORED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-request-id', CACHE_STATUS_HEADER]);

interface Entry {
  /** The stored headers plus Content-Length and the hit marker, ready for writeHead. */
  headers: OutgoingHttpHeaders;
  body: Buffer;
  operationName: string | null;
}

/** A miss on its way through express and Apollo. */
interface Ticket {
  key: string;
  head: string;
  /** What the Apollo plugin found about the request; set in willSendResponse. */
  verdict: AnswerVerdict | null;
}

const TICKET = Symbol('rolegraph.responseBytesCache.ticket');
type TicketedRequest = IncomingMessage & { [TICKET]?: Ticket; body?: unknown };
/** Apollo hands plugins a shallow copy of the context object, which keeps own symbol properties. */
type TicketedContext = { [TICKET]?: Ticket };

/** Eligible for the fast path: the declared body length, or null to leave the request alone. */
export function eligibleLength(req: IncomingMessage, maxBodyBytes: number): number | null {
  if (req.method !== 'POST' || req.url !== GRAPHQL_PATH) return null;
  const h = req.headers;
  if (h.authorization !== undefined || h['transfer-encoding'] !== undefined) return null;
  if (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') return null;
  if (!h['content-type'] || !JSON_CONTENT_TYPE.test(h['content-type'])) return null;
  const declared = h['content-length'];
  if (!declared || !DECIMAL.test(declared)) return null;
  const length = Number(declared);
  return length > 0 && length <= maxBodyBytes ? length : null;
}

const BODY_BYTES = Symbol('rolegraph.bodyBytes');
type WithBodyBytes = IncomingMessage & { [BODY_BYTES]?: Buffer };

/** Hands on a parsed body's bytes with the request, for the listeners behind (single flight's key). */
export function keepBodyBytes(req: IncomingMessage, bytes: Buffer): void {
  (req as WithBodyBytes)[BODY_BYTES] = bytes;
}

/** The bytes the request's parsed body was read from, when a listener in front read it. */
export function bodyBytesOf(req: IncomingMessage): Buffer | undefined {
  return (req as WithBodyBytes)[BODY_BYTES];
}

/** Reads exactly `length` bytes of body, or null when the client went away first. */
export function readBody(req: IncomingMessage, length: number, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let got = 0;
  let settled = false;
  const finish = (body: Buffer | null): void => {
    if (settled) return;
    settled = true;
    done(body);
  };
  req.on('data', (chunk: Buffer) => {
    got += chunk.length;
    chunks.push(chunk);
  });
  req.on('end', () => finish(got === length ? (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, got)) : null));
  // A request that fails is destroyed, and a destroyed request always emits 'close' (node drops the
  // error itself when no one listens for it), so 'close' alone sees every way of going away.
  req.on('close', () => finish(null));
}

/** The body as express.json (strict, utf-8) would parse it, or undefined when it would refuse it. */
export function parseJsonBody(body: Buffer): { value: unknown } | undefined {
  // iconv-lite, which body-parser decodes with, drops a leading byte-order mark.
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (!STRICT_JSON_START.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The same 400 bodyErrorHandler answers for a body express.json cannot parse. */
export function refuseMalformed(res: ServerResponse): void {
  const body = JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function keyOf(head: string, accept: string, origin: string, body: Buffer): string {
  // Accept is part of the key: Apollo answers application/graphql-response+json when asked for it.
  // Origin too: a stored answer carries the CORS headers (Access-Control-Allow-Origin) of its origin.
  // One call over one buffer: the digest of the parts updated one by one, for half the CPU (httpCaching.ts, etag).
  return hash('sha256', Buffer.concat([Buffer.from(`${head}\0${accept}\0${origin}\0`), body]), 'base64');
}

function hitHeaders(res: ServerResponse, body: Buffer): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_STORED.has(name) && value !== undefined) out[name] = value;
  out['content-length'] = body.length;
  out[CACHE_STATUS_HEADER] = 'hit';
  return out;
}

export function createResponseBytesCache(opts: ResponseBytesCacheOptions): ResponseBytesCache {
  if (!Number.isInteger(opts.maxEntries) || opts.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.responseCacheBytes;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError('maxBytes must be a positive integer');
  const uncacheable = new Set(opts.uncacheableRootFields ?? DEFAULT_UNCACHEABLE_ROOT_FIELDS);
  const clock = opts.clock ?? (() => process.hrtime.bigint());
  const entries = new LRUCache<string, Entry>({
    max: opts.maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.body.length),
    // One answer may take an eighth of the budget, so a few huge answers cannot flush all the others.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
  });
  let entriesHead: string | null = null;
  let hits = 0;
  let misses = 0;
  let stores = 0;

  const store = (ticket: Ticket, res: ServerResponse, body: Buffer): void => {
    const v = ticket.verdict;
    if (!v?.keepable || v.head !== ticket.head || res.statusCode !== 200 || ticket.head !== entriesHead) return;
    // An answer over maxEntrySize is not kept (set drops it), and not counted as stored.
    entries.set(ticket.key, { headers: hitHeaders(res, body), body, operationName: v.operationName });
    if (entries.has(ticket.key)) stores += 1;
  };

  /** Sees the answer's bytes as they go out; an answer written in several pieces is not kept. */
  const capture = (ticket: Ticket, res: ServerResponse): void => {
    onWholeAnswer(res, (body) => {
      if (body) store(ticket, res, body);
    });
  };

  const serve = (req: IncomingMessage, res: ServerResponse, entry: Entry, startedAt: bigint): void => {
    opts.onHit?.(req, entry.operationName);
    res.writeHead(200, entry.headers);
    res.end(entry.body);
    opts.metrics.observeGraphqlRequest(entry.operationName, Number(clock() - startedAt) / 1e9);
  };

  const listener =
    (next: RequestListener): RequestListener =>
    (req, res) => {
      const length = eligibleLength(req, opts.maxBodyBytes);
      if (length === null || opts.currentHead() === null) {
        next(req, res);
        return;
      }
      const startedAt = clock();
      readBody(req, length, (body) => {
        if (body === null) {
          res.destroy();
          return;
        }
        const head = opts.currentHead();
        if (head !== entriesHead) {
          // Every kept answer belongs to an older head, which is never asked for again.
          entries.clear();
          entriesHead = head;
        }
        const key = head === null ? null : keyOf(head, req.headers.accept ?? '', req.headers.origin ?? '', body);
        const entry = key === null ? undefined : entries.get(key);
        if (key !== null && entry) {
          hits += 1;
          serve(req, res, entry, startedAt);
          return;
        }
        const parsed = parseJsonBody(body);
        if (!parsed) {
          refuseMalformed(res);
          return;
        }
        const r = req as TicketedRequest;
        r.body = parsed.value;
        keepBodyBytes(req, body);
        if (key !== null && head !== null) {
          misses += 1;
          const ticket: Ticket = { key, head, verdict: null };
          r[TICKET] = ticket;
          capture(ticket, res);
        }
        next(req, res);
      });
    };

  const plugin: ApolloServerPlugin<RolegraphContext> = {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const ticket = (rc.contextValue as TicketedContext)[TICKET];
          if (!ticket) return;
          ticket.verdict = answerVerdict(rc, uncacheable);
        },
      };
    },
  };

  return {
    listener,
    track(req, contextValue) {
      const ticket = (req as TicketedRequest)[TICKET];
      if (ticket) (contextValue as TicketedContext)[TICKET] = ticket;
      return contextValue;
    },
    plugin,
    stats: () => ({ hits, misses, stores, size: entries.size, bytes: entries.calculatedSize }),
  };
}
