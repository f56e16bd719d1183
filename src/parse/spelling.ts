// Section names as authors misspell them (`Responsibilites`, `Responsibilties`): a long heading word
// within a small edit distance of a known section word is read as that word, so a typo does not turn
// a role's responsibilities into anonymous prose. Short words are never corrected (`grade`/`trade`).
import { rememberAnswers } from './rememberAnswers';

/** The words section names are made of, long enough (≥ 8 letters) for a typo to be unambiguous. */
const SECTION_WORDS: readonly string[] = [
  'responsibilities',
  'responsibility',
  'requirements',
  'requirement',
  'qualifications',
  'qualification',
  'performance',
  'indicators',
  'indicator',
  'specialties',
  'specialty',
  'specialities',
  'speciality',
  'specializations',
  'specialization',
  'specialisations',
  'specialisation',
  'territories',
  'territory',
  'verticals',
  'progression',
];

/**
 * Real words within two edits of a section word: never typos. Found by running the correction over
 * every word of the corpus and seeds (`specialist` is a role, `retirement` a benefit).
 */
const REAL_WORDS: ReadonlySet<string> = new Set([
  'specialist',
  'specialists',
  'specialize',
  'specializes',
  'specialise',
  'especially',
  'retirement',
  'retirements',
  'indicate',
  'indicates',
  'indicated',
  'performant',
  'progressive',
  'territorial',
]);

/** Shortest word corrected: below this, two edits change the word (`grade` → `trade`). */
const MIN_LENGTH = 8;
const MAX_EDITS = 2;

/**
 * Damerau–Levenshtein distance (optimal string alignment: one adjacent swap counts as one edit),
 * or `max + 1` as soon as it must exceed `max`. O(|a|·|b|) over two short words.
 */
export function editDistance(a: string, b: string, max: number = MAX_EDITS): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * The nearest section word, remembered per word (rememberAnswers.ts): heading words recur across
 * every version of every page (38,000 page versions at 20,000 commits share a few hundred distinct
 * long heading words), and each answer costs 21 bounded edit distances.
 */
const nearestRemembered = rememberAnswers(nearestSectionWord, { entries: 10_000 });

/** The section word a (lower-case) word is a typo of, the word itself when it is one, or null. */
export function sectionWord(word: string): string | null {
  if (word.length < MIN_LENGTH || REAL_WORDS.has(word)) return null;
  return nearestRemembered(word);
}

/** The closest section word within MAX_EDITS (the first of equally close ones), or null. */
function nearestSectionWord(word: string): string | null {
  let best: string | null = null;
  let bestDistance = MAX_EDITS + 1;
  for (const w of SECTION_WORDS) {
    const d = editDistance(word, w, MAX_EDITS);
    if (d < bestDistance) {
      best = w;
      bestDistance = d;
    }
  }
  return best;
}

/** A lower-case letter word (a run of letters), the unit corrected. */
const WORD = /[a-z]+/g;

/** `text` (lower-case) with each misspelled section word replaced by the word it stands for. */
export function correctSectionWords(text: string): string {
  return text.replace(WORD, (w) => sectionWord(w) ?? w);
}
