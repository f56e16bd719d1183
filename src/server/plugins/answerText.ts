// The text of one GraphQL answer exactly as Apollo sends it (its default `stringifyResult`: JSON of
// errors, data and extensions in that order, then a newline), made once per answer. httpCachingPlugin
// hashes an answer for its ETag before Apollo serialises it; both used to stringify the whole answer,
// so a page of roles was turned into JSON twice. Pass `answerText` as Apollo's `stringifyResult`.
import type { FormattedExecutionResult } from 'graphql';

interface Made {
  errors: unknown;
  extensions: unknown;
  text: string;
}

/**
 * Kept on the answer's `data` (Apollo hands stringifyResult a new object around the same parts)
 * under a symbol, which JSON never writes. It was a WeakMap keyed by `data`: its set and gets cost
 * more than stringifying a small answer (~0.6 µs against ~0.2 µs for the property, and every entry
 * waited for a major GC), a visible share of the pipeline floor (bench/ANALYSIS.md, issue 15).
 */
const MADE = Symbol('rolegraph.answerText');
type WithMade = { [MADE]?: Made };

export function answerText(result: FormattedExecutionResult): string {
  const { errors, data, extensions } = result;
  const known = data != null ? (data as WithMade)[MADE] : undefined;
  // A plugin may replace errors or extensions around the same data (the cost report does): compare both.
  if (known && known.errors === errors && known.extensions === extensions) return known.text;
  const text = `${JSON.stringify({ errors, data, extensions })}\n`;
  // Not enumerable: whoever compares or copies the data (a test's deep equality) never sees it.
  if (data != null && Object.isExtensible(data)) Object.defineProperty(data, MADE, { value: { errors, extensions, text }, writable: true, configurable: true });
  return text;
}
