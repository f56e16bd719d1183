/** Punctuation and symbols that differ between a title and a mention of it (`Manager, SMB`, `Sales & Ops`). */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Articles prose puts before a title: "reports to the SMB Regional Manager". */
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * A comparison key for role titles as prose mentions them: case, punctuation and articles ignored,
 * and word order too, because the handbook writes the same role both ways ("SMB Regional Manager"
 * in a reports-to sentence, "Regional Manager, SMB" as the heading; "Manager, Field Marketing" and
 * "Field Marketing Manager").
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w !== '' && !ARTICLES.has(w))
    .sort()
    .join(' ');
}
