// The one normalisation of titles. The parser compares a grade sentence's subject with its role's
// title (gradeSubjects.ts); the index compares ladder mentions with family titles and prose
// `reportsTo`/`extends` with role titles, for GraphQL and the lint rules alike. Several ways of
// comparing would let a ladder link resolve where the lint rule says it does not (or the reverse).
import { slugify } from './slug';

/**
 * ` Job Family` at the end of a title (`Enterprise Account Executive Job Family`): parseFamily
 * leaves it out when a page title names the page's single role, and titleKey ignores it in prose
 * mentions ("move to the SMB Account Executive job family").
 */
export const JOB_FAMILY_SUFFIX = /\s+job\s+famil(?:y|ies)\s*$/i;

/** Articles prose puts before a title: "reports to the SMB Regional Manager". */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * A title's words, in order, as its slug spells them (case, accents, quotes and punctuation gone),
 * articles left out: `The Manager, Field Marketing` → manager, field, marketing.
 */
export function titleWords(title: string): string[] {
  return slugify(title)
    .split('-')
    .filter((w) => w !== '' && !ARTICLES.has(w));
}

/**
 * A comparison key for titles as prose mentions them: titleWords, a trailing "job family" ignored,
 * and word order too, because the handbook writes the same role both ways ("SMB Regional Manager"
 * in a reports-to sentence, "Regional Manager, SMB" as the heading; "Manager, Field Marketing" and
 * "Field Marketing Manager"; "move to the Sales Management job family").
 */
export function titleKey(title: string): string {
  return titleWords(title.trim().replace(JOB_FAMILY_SUFFIX, '')).sort().join(' ');
}
