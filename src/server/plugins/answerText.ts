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

/** Keyed by the answer's `data`: Apollo hands stringifyResult a new object around the same parts. */
const made = new WeakMap<object, Made>();

export function answerText(result: FormattedExecutionResult): string {
  const { errors, data, extensions } = result;
  const known = data != null ? made.get(data) : undefined;
  // A plugin may replace errors or extensions around the same data (the cost report does): compare both.
  if (known && known.errors === errors && known.extensions === extensions) return known.text;
  const text = `${JSON.stringify({ errors, data, extensions })}\n`;
  if (data != null) made.set(data, { errors, extensions, text });
  return text;
}
