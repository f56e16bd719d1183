// The text of one GraphQL answer exactly as Apollo sends it (its default `stringifyResult`: JSON of
// errors, data and extensions in that order, then a newline), made once per answer. httpCaching
// hashes an answer for its ETag before Apollo serialises it; both used to stringify the whole answer,
// so a page of roles was turned into JSON twice. Pass `answerText` as Apollo's `stringifyResult`.
//
// Its UTF-8 bytes are made once too (`answerBytes`): the ETag hashes them and the fast lane writes
// them. Hashing the text encoded it inside the hash and writing it encoded it again, and for an
// answer holding any character past U+00FF (a `›` in a history, a curly quote) V8 keeps the text
// as UTF-16, whose encoding cost more than the sha256 itself (a 40 KB role history: ~50 µs per
// encoding against ~20 µs for the hash; bench/ANALYSIS.md, issue 15, branch wt/lookup).
import type { FormattedExecutionResult } from 'graphql';
import { utf8Bytes } from '../../util';

interface Made {
  errors: unknown;
  extensions: unknown;
  text: string;
  bytes: Buffer | null;
}

/**
 * Kept on the answer's `data` (Apollo hands stringifyResult a new object around the same parts)
 * under a symbol, which JSON never writes. It was a WeakMap keyed by `data`: its set and gets cost
 * more than stringifying a small answer (~0.6 µs against ~0.2 µs for the property, and every entry
 * waited for a major GC), a visible share of the pipeline floor (bench/ANALYSIS.md, issue 15).
 */
const MADE = Symbol('rolegraph.answerText');
type WithMade = { [MADE]?: Made };

function madeFor(result: FormattedExecutionResult): Made {
  const { errors, data, extensions } = result;
  const known = data != null ? (data as WithMade)[MADE] : undefined;
  // A plugin may replace errors or extensions around the same data (the cost report does): compare both.
  if (known && known.errors === errors && known.extensions === extensions) return known;
  const fresh: Made = { errors, extensions, text: `${JSON.stringify({ errors, data, extensions })}\n`, bytes: null };
  // Not enumerable: whoever compares or copies the data (a test's deep equality) never sees it.
  if (data != null && Object.isExtensible(data)) Object.defineProperty(data, MADE, { value: fresh, writable: true, configurable: true });
  return fresh;
}

export function answerText(result: FormattedExecutionResult): string {
  return madeFor(result).text;
}

/**
 * Below this many characters an answer is not encoded ahead: node writes the headers and a string
 * body as one string in one write, where a Buffer body goes as a second chunk, and encoding a few
 * KB costs a few µs. Measured at 20k with bench/abLoad.ts: encoded ahead, the 32-byte floor took
 * ×1.15 the server CPU per request; the 40 KB history ×0.87 either way.
 */
export const ENCODE_AHEAD_MIN_CHARS = 8192;

/**
 * `answerText(result)`, and its UTF-8 bytes encoded once when it is long enough for that to pay
 * (else null: hash and write the text).
 */
export function answerBytes(result: FormattedExecutionResult): { text: string; bytes: Buffer | null } {
  const entry = madeFor(result);
  if (entry.text.length >= ENCODE_AHEAD_MIN_CHARS) entry.bytes ??= utf8Bytes(entry.text);
  return { text: entry.text, bytes: entry.bytes };
}

/**
 * Per request, the bytes of the answer text last encoded for it, for the writer that holds only
 * Apollo's string. Linked from the request's context like single flight's and the answer cache's
 * tickets: Apollo hands plugins a shallow copy of the context object, which keeps own symbol properties.
 */
export interface EncodedAnswer {
  text: string | null;
  bytes: Buffer | null;
}

const ENCODED = Symbol('rolegraph.encodedAnswer');
type EncodedContext = { [ENCODED]?: EncodedAnswer };

/** Call from the writer's context function: `contextValue` (returned) will carry what a plugin encodes. */
export function carryEncodedAnswer<T extends object>(contextValue: T): { contextValue: T; encoded: EncodedAnswer } {
  const encoded: EncodedAnswer = { text: null, bytes: null };
  (contextValue as EncodedContext)[ENCODED] = encoded;
  return { contextValue, encoded };
}

/** Tells the request's writer, if it listens, that `text` is `bytes` in UTF-8. */
export function offerEncodedAnswer(contextValue: object, text: string, bytes: Buffer): void {
  const encoded = (contextValue as EncodedContext)[ENCODED];
  if (encoded) {
    encoded.text = text;
    encoded.bytes = bytes;
  }
}

/** `text` as the bytes to write: the encoded ones when they are of this very text, else the text itself. */
export function encodedOr(encoded: EncodedAnswer | null, text: string): string | Buffer {
  return encoded?.bytes && encoded.text === text ? encoded.bytes : text;
}
