// Where a page's markdown can be cut into pieces that CommonMark parses the same apart as whole:
// before each top-level ATX heading (`## Requirements` at column 0). Consecutive versions of a page
// differ in a section or two, so pieces let the parser reuse what it read in the last version
// (sectionMemo.ts). A cut is only made where no block can span it: a column-0 `#` line ends every
// container (list, quote, paragraph, table) and starts a heading, unless a fenced code block or an
// HTML block that crosses lines is open. Those two are tracked line by line as markdown-it reads
// them; anything the tracking cannot be sure of (a fence or HTML start that may sit inside a list
// item) makes the whole page one piece. Link reference definitions act across the whole page, so a
// page that may hold one is never cut.

export interface Chunk {
  /** The piece's lines, each with its `\n` (the last one as the page ends). */
  text: string;
  /** 0-based line of the page where the piece starts. */
  line: number;
}

/** What markdown-it reads as an ATX heading at column 0: 1–6 `#`, then a space, a tab or the line's end. */
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A fence opening: its marker run and what follows (the info string). */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
/** Leading spaces and tabs. */
const INDENT = /^[ \t]*/;
/** A blank line, the end of HTML blocks of kinds 6 and 7. */
const BLANK = /^[ \t]*$/;
/** `[label]:` anywhere: a possible link reference definition, which applies to the whole page. */
const REFERENCE_MARK = ']:';

/** markdown-it's HTML blocks that end at a closing sequence rather than a blank line (kinds 1–5). */
const HTML_UNTIL_MARKER: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

type State =
  | { kind: 'normal' }
  | { kind: 'fence'; marker: string; length: number }
  /**
   * An HTML block of kinds 1–5, open until a line matches `end`. `sure` when it started at column 0,
   * where it is certainly a top-level block; indented, it may sit in a list item that ends first.
   */
  | { kind: 'html'; end: RegExp; sure: boolean }
  /** Possibly an HTML block of kinds 6–7 (any other line starting with `<`), open until a blank line. */
  | { kind: 'htmlToBlank' };

const NORMAL: State = { kind: 'normal' };

/** Columns of leading whitespace, tabs to the next multiple of 4 (CommonMark's rule). */
function indentColumns(ws: string): number {
  let col = 0;
  for (const c of ws) col = c === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** Whether `line` closes a fence opened by `marker` repeated `length` times. */
function closesFence(line: string, marker: string, length: number): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  let n = 0;
  while (line[i + n] === marker) n++;
  return n >= 3 && n >= length && BLANK.test(line.slice(i + n));
}

/**
 * Whether a line starting with this character can, outside a fence or HTML block, be indented,
 * open a fence or an HTML block, or be a heading: a space or tab, `` ` ``, `~`, `<` or `#`. Any
 * other line (an empty one too: NaN past the end) changes nothing in splitAtHeadings.
 */
function mayOpenOrCut(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x60 || code === 0x7e || code === 0x3c || code === 0x23;
}

/**
 * The page cut before every safe top-level heading, or null when it cannot be cut safely (then it
 * is parsed whole). One piece is returned when there is no safe cut.
 */
export function splitAtHeadings(markdown: string): Chunk[] | null {
  if (markdown.includes(REFERENCE_MARK) || markdown.includes('\r') || markdown.includes('\u0000')) return null;
  const chunks: Chunk[] = [];
  let state: State = NORMAL;
  let start = 0; // offset of the current piece
  let startLine = 0;
  let lineNo = 0;
  for (let at = 0; at < markdown.length || (at === 0 && markdown.length === 0); lineNo++) {
    const nl = markdown.indexOf('\n', at);
    // Most lines of a page are text that starts at column 0 with a letter: outside a fence or HTML
    // block nothing below can happen to them, so they are not cut out and measured.
    if (state.kind === 'normal' && !mayOpenOrCut(markdown.charCodeAt(at))) {
      if (nl === -1) break;
      at = nl + 1;
      continue;
    }
    const end = nl === -1 ? markdown.length : nl;
    const line = markdown.slice(at, end);
    const ws = INDENT.exec(line)?.[0] ?? '';
    const columns = indentColumns(ws);
    const rest = line.slice(ws.length);
    switch (state.kind) {
      case 'fence':
        if (closesFence(line, state.marker, state.length)) state = NORMAL;
        break;
      case 'html':
        // A new block start inside what may be a contained block: the tracking could disagree.
        if (!state.sure && columns < 4 && (rest.startsWith('<') || FENCE_OPEN.test(rest))) return null;
        if (state.end.test(rest)) state = NORMAL;
        break;
      case 'htmlToBlank':
        if (BLANK.test(line)) state = NORMAL;
        else if (columns < 4 && (rest.startsWith('<') || FENCE_OPEN.test(rest))) return null;
        break;
      case 'normal': {
        if (columns >= 4) break; // indented code, or inside a list item: ended by the next column-0 line
        const fence = FENCE_OPEN.exec(rest);
        if (fence) {
          const marker = fence[1] ?? '';
          // A backtick fence whose info string holds a backtick is not a fence (CommonMark).
          if (marker[0] === '`' && (fence[2] ?? '').includes('`')) break;
          // Indented 1–3 columns it may open a fence inside a list item, which the list's end closes.
          if (columns > 0) return null;
          state = { kind: 'fence', marker: marker[0] ?? '`', length: marker.length };
          break;
        }
        if (rest.startsWith('<')) {
          const kind = HTML_UNTIL_MARKER.find(([open]) => open.test(rest));
          if (kind) {
            if (!kind[1].test(rest)) state = { kind: 'html', end: kind[1], sure: columns === 0 };
          } else state = { kind: 'htmlToBlank' };
          break;
        }
        if (lineNo > 0 && columns === 0 && ATX_HEADING.test(line)) {
          chunks.push({ text: markdown.slice(start, at), line: startLine });
          start = at;
          startLine = lineNo;
        }
        break;
      }
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  chunks.push({ text: markdown.slice(start), line: startLine });
  return chunks;
}
