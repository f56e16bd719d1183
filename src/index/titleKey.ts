// The one way titles are compared across the index: ladder mentions against family titles, prose
// `reportsTo`/`extends` against role titles, the lint rules and GraphQL alike. Two ways of comparing
// would let a ladder link resolve where the lint rule says it does not (or the other way round).
import { JOB_FAMILY_SUFFIX } from '../parse';

/** Punctuation and symbols that differ between a title and a mention of it (`Manager, SMB`, `Sales & Ops`). */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Articles prose puts before a title: "reports to the SMB Regional Manager". */
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * A comparison key for titles as prose mentions them: case, punctuation, articles and a trailing
 * "job family" ignored, and word order too, because the handbook writes the same role both ways
 * ("SMB Regional Manager" in a reports-to sentence, "Regional Manager, SMB" as the heading;
 * "Manager, Field Marketing" and "Field Marketing Manager"; "move to the Sales Management job family").
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .trim()
    .replace(JOB_FAMILY_SUFFIX, '')
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w !== '' && !ARTICLES.has(w))
    .sort()
    .join(' ');
}
