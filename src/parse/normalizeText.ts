// Text clean-up that every later step relies on: mojibake repair, Hugo shortcodes and ERB tags
// taken out of the markdown (recorded as includes), and whitespace tidying of extracted text.

/** Common cp1252-read-as-UTF-8 triplets seen in handbook pages (`GitLabâ€™s`), longest first. */
const MOJIBAKE: ReadonlyArray<[string, string]> = [
  ['â€™', '’'],
  ['â€˜', '‘'],
  ['â€œ', '“'],
  ['â€\u009d', '”'],
  ['â€“', '–'],
  ['â€”', '—'],
  ['â€¦', '…'],
  ['â€¢', '•'],
  ['Â ', ' '],
  // What is left of a closing double quote whose last byte (0x9D) has no cp1252 character.
  ['â€', '”'],
];

/** Repairs the mojibake triplets above; everything else is kept as written (typos stay). */
export function repairMojibake(text: string): string {
  if (!text.includes('â€') && !text.includes('Â ')) return text;
  let out = text;
  for (const [bad, good] of MOJIBAKE) out = out.split(bad).join(good);
  return out;
}

/** A shortcode or partial the page pulls in, e.g. `job-families/sales/performance`. */
export interface Include {
  name: string;
  line: number;
}

/**
 * Hugo shortcodes `{{% name args %}}` and `{{< name args >}}`, including closing `{{< /name >}}`.
 * The body is bounded (no braces, at most 500 chars) so a stray `{{%` cannot make the scan quadratic.
 */
const SHORTCODE = /\{\{([%<])([^{}]{0,500}?)[%>]\}\}/g;
/** `ref "path"` / `relref "path"` inside a shortcode, as used in link targets (field-ciso). */
const REF_SHORTCODE_BODY = /^\s*(?:rel)?ref\s+"([^"]{0,300})"\s*$/;
/** Middleman ERB tags: `<%= partial("includes/...") %>`, `<% if ... %>`. Body bounded, no `%`. */
const ERB_TAG = /<%[=-]?([^%]{0,1000})-?%>/g;
/** The partial name inside an ERB body: `partial("job-families/sales/performance")`. */
const ERB_PARTIAL = /partial\s*\(?\s*["']([^"']{1,300})["']/;

/** Returns offset → 1-based line, by binary search over the line starts (many tags stay linear). */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Takes shortcodes and ERB tags out of the markdown before it is parsed, so none of them leaks into
 * text. `{{< ref "x" >}}` becomes `x` (it sits in link targets); others become nothing and, when
 * they name something (`job-families/sales/performance`, a partial), are returned as includes.
 * Line breaks inside a removed tag are kept so token line numbers still match the file.
 */
export function extractTemplateTags(text: string, firstLine = 1): { text: string; includes: Include[] } {
  const includes: Include[] = [];
  const keepNewlines = (s: string): string => s.replace(/[^\n]/g, '');
  const lineAt = lineLocator(text);
  let out = text.replace(SHORTCODE, (match: string, _kind: string, body: string, offset: number) => {
    const ref = REF_SHORTCODE_BODY.exec(body);
    if (ref) return ref[1] ?? '';
    const name = body.trim().split(/\s/)[0] ?? '';
    if (name !== '' && !name.startsWith('/')) includes.push({ name, line: firstLine - 1 + lineAt(offset) });
    return keepNewlines(match);
  });
  if (out.includes('<%')) {
    const src = out;
    const srcLineAt = lineLocator(src);
    out = src.replace(ERB_TAG, (match: string, body: string, offset: number) => {
      const partial = ERB_PARTIAL.exec(body);
      if (partial) includes.push({ name: partial[1] ?? '', line: firstLine - 1 + srcLineAt(offset) });
      return keepNewlines(match);
    });
  }
  return { text: out, includes };
}

/**
 * A run of whitespace and HTML comments (`<!-- markdownlint-disable -->`, which survive as inline
 * HTML), as one match: removing the comments and collapsing the spaces around them is one pass.
 */
const GAP = /(?:\s+|<!--[\s\S]{0,2000}?-->)+/g;

/**
 * What `tidy` changes: whitespace other than a plain space, two spaces in a row, or a comment. A
 * string with none of them (and no space at either end) is already tidy; most extracted text is, and
 * a test finds that in one scan where the replace matched every single space between two words.
 */
const UNTIDY = /[^\S ]| {2}|<!--/;

/** Collapses whitespace runs (comments included) into one space and trims: the shape every stored string has. */
export function tidy(text: string): string {
  if (!UNTIDY.test(text) && !text.startsWith(' ') && !text.endsWith(' ')) return text;
  return text.replace(GAP, ' ').trim();
}
