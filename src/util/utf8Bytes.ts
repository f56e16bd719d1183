// A string's UTF-8 bytes, the same as `Buffer.from(text, 'utf8')`, made faster for text V8 keeps as
// UTF-16: any character past U+00FF (a curly quote in a role's requirements) makes a whole JSON
// answer two-byte, and node encodes such a string to UTF-8 at ~1.6 ns a character, against ~0.5 for
// ICU's converter over its UTF-16LE bytes (a 40 KB role history on Node 24: 65 µs against 20 µs;
// bench/ANALYSIS.md, issue 15). A one-byte string is encoded by node as before: that path is fast.
import { transcode } from 'node:buffer';

/** Any character past Latin-1. Over a one-byte string V8 answers at once (measured: under 0.1 µs for 40 KB). */
const PAST_LATIN1 = /[^\x00-\xff]/;

/**
 * Below this many characters node's own encoder wins: the converter's fixed cost (~1.5 µs) is more
 * than it saves (measured on Node 24: even at ~2,500 characters, ×1.5 faster at 4,000, ×3.5 at 40,000).
 */
const TRANSCODE_MIN_CHARS = 4096;

export function utf8Bytes(text: string): Buffer {
  if (text.length < TRANSCODE_MIN_CHARS || !PAST_LATIN1.test(text)) return Buffer.from(text, 'utf8');
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
  } catch {
    // A lone surrogate (ICU refuses it; node writes U+FFFD), or a node built without ICU.
    return Buffer.from(text, 'utf8');
  }
}
