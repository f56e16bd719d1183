// Cache-Control and ETag on every GraphQL answer, so browsers, CDNs and client libraries can keep
// what may be kept:
// - a query pinned to full shas (pinnedOperation.ts): `public, max-age=31536000, immutable` and a
//   strong ETag of the answer itself;
// - any other keepable query: `public, max-age=<ROLEGRAPH_HEAD_MAX_AGE_SECONDS>` and a strong ETag
//   of the head and the answer, so it changes with every new head;
// - everything else `no-store`: mutations, answers with errors, live state (`repository`, the same
//   rule as the HTTP answer cache: cacheableAnswer.ts), admin requests (an `Authorization` header),
//   and anything answered before the first index.
// A GET whose `If-None-Match` matches the ETag gets 304 and no body. It is decided here rather than
// by express's `req.fresh`, which ignores If-None-Match whenever the request says
// `Cache-Control: no-cache` — and fetch() adds exactly that to any request given If-None-Match by
// hand, so a frontend revalidating itself would never see a 304. A POST never gets one: HTTP
// answers a matching If-None-Match on POST with 412, and no browser or CDN caches POST answers;
// its headers still tell a client library what it may keep.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { RolegraphContext } from '../../graphql';
import { answerBytes, offerEncodedAnswer } from './answerText';
import { DEFAULT_UNCACHEABLE_ROOT_FIELDS, keepableAnswer } from './cacheableAnswer';
import { isPinnedToCommits } from './pinnedOperation';

export interface HttpCachingOptions {
  /** max-age of an answer that follows the head; 0 = revalidate every time (still with an ETag). */
  headMaxAgeSeconds: number;
  uncacheableRootFields?: readonly string[];
}

/** A year, the longest max-age caches honour (RFC 9111 advises no more). */
export const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const NO_STORE = 'no-store';

/** If-None-Match: `*` or a list of entity tags, compared weakly (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(tag));
}

/**
 * `Vary: Accept` on every answer of the GraphQL path: Accept picks its content type, and a shared
 * cache must not hand one representation to a client that asked for the other. Set on the express
 * response (appending, after CORS's `Vary: Origin`): a `vary` among Apollo's headers would replace it.
 */
export const varyByAccept: RequestHandler = (_req, res, next) => {
  res.vary('Accept');
  next();
};

/**
 * SHA-256 of the parts, each followed by a NUL. Parts that are all text are hashed as one string in
 * one call: the same digest as the parts updated one by one (a stream of bytes hashes the same however
 * it is cut), for 0.4 against 1.3-1.9 µs a tag (a hash object and eight crossings into C++; the floor
 * request's tag was ~5% of its CPU, bench/ANALYSIS.md, issue 15 target 4). A long answer comes as
 * bytes already encoded and is streamed, not copied into one buffer.
 */
function etag(parts: ReadonlyArray<string | Buffer>): string {
  if (parts.every((part): part is string => typeof part === 'string')) return `"${oneShotHash('sha256', `${parts.join('\0')}\0`, 'base64url')}"`;
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return `"${hash.digest('base64url')}"`;
}

export function httpCachingPlugin(opts: HttpCachingOptions): ApolloServerPlugin<RolegraphContext> {
  if (!Number.isInteger(opts.headMaxAgeSeconds) || opts.headMaxAgeSeconds < 0) throw new RangeError('headMaxAgeSeconds must be a whole number of seconds');
  const uncacheable = new Set(opts.uncacheableRootFields ?? DEFAULT_UNCACHEABLE_ROOT_FIELDS);
  const headCacheControl = `public, max-age=${opts.headMaxAgeSeconds}`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const headers = rc.response.http.headers;
          const head = rc.contextValue.view?.head.commit.sha ?? null;
          const keepable = keepableAnswer(rc, uncacheable);
          if (!keepable || head === null || rc.contextValue.isAdmin || rc.request.http?.headers.has('authorization')) {
            headers.set('cache-control', NO_STORE);
            return;
          }
          // Accept picks the content type (application/json or application/graphql-response+json):
          // a strong ETag names one representation, so it is part of the hash.
          const accept = rc.request.http?.headers.get('accept') ?? '';
          // The text Apollo is about to send, made once, and for a long answer encoded once
          // (answerBytes); the tag hashes it without the final newline (one byte in UTF-8 too), as
          // it always has: the bytes when there are some, the same input as hashing the text.
          const { text, bytes } = answerBytes(keepable.result);
          let answer: string | Buffer = text.slice(0, -1);
          if (bytes) {
            offerEncodedAnswer(rc.contextValue, text, bytes);
            answer = bytes.subarray(0, bytes.length - 1);
          }
          const pinned = isPinnedToCommits(rc.schema, keepable.document, keepable.operation, rc.request.variables ?? {});
          const tag = pinned ? etag(['pinned', accept, answer]) : etag(['head', head, accept, answer]);
          headers.set('cache-control', pinned ? PINNED_CACHE_CONTROL : headCacheControl);
          headers.set('etag', tag);
          // express's res.send drops the body of a 304.
          if (rc.request.http?.method === 'GET' && matchesIfNoneMatch(rc.request.http.headers.get('if-none-match'), tag)) rc.response.http.status = 304;
        },
      };
    },
  };
}
