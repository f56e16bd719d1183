import type { Role } from '../types';

/** Longest snippet we return, ellipses included. */
export const SNIPPET_MAX = 160;

/**
 * Sentence ends inside a description paragraph: a period, `!` or `?` followed by whitespace. Bullets
 * are already one piece each; only prose paragraphs ("At GitLab, we are ... We're looking for ...")
 * are long enough to need splitting.
 */
const SENTENCE_END = /(?<=[.!?])\s+/u;

/** Inline HTML the parser may leave in text (`<br>`, `<a id="...">`); a snippet is plain text. */
const HTML_TAG = /<\/?[a-zA-Z][^>]*>/g;

/**
 * A token as MiniSearch's default tokenizer sees it: a run of anything but whitespace and
 * punctuation (so `GitLab's` gives `GitLab` and `s`, `R&D` stays one token), to find in a piece of
 * text the same terms the index matched.
 */
const TOKEN = /[^\n\r\p{Z}\p{P}]+/gu;

/** Pieces of a role a snippet may come from, in the order we prefer them on a tie. */
export function snippetCandidates(role: Role): string[] {
  return [
    ...role.responsibilities,
    ...role.requirements,
    ...role.description.flatMap((paragraph) => paragraph.split(SENTENCE_END)),
    role.title,
  ];
}

function clean(text: string): string {
  return text.replace(HTML_TAG, ' ').replace(/\s+/g, ' ').trim();
}

interface WordHit {
  index: number;
  term: string;
}

function matchedWords(text: string, terms: ReadonlySet<string>): WordHit[] {
  const hits: WordHit[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].toLowerCase();
    if (terms.has(word)) hits.push({ index: m.index ?? 0, term: word });
  }
  return hits;
}

/**
 * The piece of text that matched best: the one containing the most distinct matched terms (the
 * document terms MiniSearch reports, so prefix and fuzzy matches count), first one on a tie. Long
 * pieces are cut to a window around the first match, on word boundaries. Null when no piece
 * contains a matched term (a match on the family title only).
 */
export function bestSnippet(candidates: readonly string[], matchedTerms: readonly string[]): string | null {
  const terms = new Set(matchedTerms.map((t) => t.toLowerCase()));
  let best: { text: string; hits: WordHit[]; distinct: number } | null = null;
  for (const raw of candidates) {
    const text = clean(raw);
    const hits = matchedWords(text, terms);
    const distinct = new Set(hits.map((h) => h.term)).size;
    if (distinct > 0 && (best === null || distinct > best.distinct)) best = { text, hits, distinct };
  }
  if (best === null) return null;
  return trimAround(best.text, best.hits[0].index);
}

/** Cut `text` to at most SNIPPET_MAX characters, keeping the word at `at` with some context before it. */
export function trimAround(text: string, at: number): string {
  if (text.length <= SNIPPET_MAX) return text;
  const budget = SNIPPET_MAX - 2; // room for an ellipsis at each end
  let start = Math.max(0, at - 40);
  if (start + budget > text.length) start = text.length - budget;
  if (start > 0) {
    // Begin on a word boundary, never after the match itself.
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, start + budget);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  const body = text.slice(start, end).trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
