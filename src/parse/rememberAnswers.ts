// Answers of a pure function of a short text, remembered per thread (each parse worker has its
// own). A cold build parses every version of every page, and versions repeat their headings and
// words: the same few thousand texts are asked about tens of thousands of times. Bounded so hostile
// input (a page of random headings) cannot grow it without limit: when full it is simply emptied
// (the answers are pure), which costs a build little since it moves page by page and what it asks
// next is what it asked last.

export interface RememberOptions {
  /** Texts remembered before the memory is emptied. */
  entries: number;
  /** Longer texts (a paragraph taken for a heading) are answered each time, so the memory stays small. */
  maxChars?: number;
}

/** `answer`, remembered. Its answers must never be `undefined` (that is how a miss reads). */
export function rememberAnswers<T>(answer: (text: string) => T, opts: RememberOptions): (text: string) => T {
  const known = new Map<string, T>();
  const maxChars = opts.maxChars ?? Infinity;
  return (text) => {
    if (text.length > maxChars) return answer(text);
    let value = known.get(text);
    if (value === undefined) {
      value = answer(text);
      if (known.size >= opts.entries) known.clear();
      known.set(ownCopy(text), value);
    }
    return value;
  };
}

/**
 * The text as a string of its own. A heading's text is often V8's slice of the whole page it was
 * cut from, and a remembered slice would keep that page alive: 20,000 keys could hold 20,000 page
 * versions. Concatenated, then sliced, V8 flattens it into a copy the size of the text.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
