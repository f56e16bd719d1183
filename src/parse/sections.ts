// The page as a sequence of sections, built from markdown-it's CommonMark tokens: each heading opens
// a section that runs until the next heading; a section's place in the tree is its depth (a section
// holds every following section of greater depth). Blocks inside a section keep their source line.
import { pushAll } from './pushAll';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { inlineText, type InlineText } from './inline';

/** One list item with its links and nested items, as parsed (before conversion to ListItem). */
export interface RawItem {
  text: string;
  links: InlineText['links'];
  children: RawItem[];
  line: number;
}

export type Block =
  | { type: 'paragraph'; text: string; lines: string[]; links: InlineText['links']; line: number }
  | { type: 'list'; ordered: boolean; items: RawItem[]; line: number }
  | { type: 'table'; rows: string[][]; line: number }
  | { type: 'html'; text: string; line: number }
  | { type: 'code'; text: string; line: number };

export interface Section {
  /** Heading text with markup and links reduced to text; '' for the part before the first heading. */
  title: string;
  /** 1..6 for headings, 0 for the part before the first heading. */
  depth: number;
  /** 1-based line of the heading (of the first block for the preamble). */
  line: number;
  blocks: Block[];
}

/** Tables and HTML on, typographer and linkify off: text is kept as written. */
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

/** Index of the token closing the one at `open` (same nesting level). */
function closingIndex(tokens: Token[], open: number, end: number): number {
  const level = tokens[open]?.level ?? 0;
  const closeType = (tokens[open]?.type ?? '').replace(/_open$/, '_close');
  for (let i = open + 1; i < end; i++) {
    const t = tokens[i];
    if (t && t.type === closeType && t.level === level) return i;
  }
  return end - 1;
}

function lineOf(token: Token | undefined, offset: number): number {
  return (token?.map?.[0] ?? 0) + offset;
}

/** Reads the items of the list whose tokens are (open, close). */
function readList(tokens: Token[], open: number, close: number, offset: number): RawItem[] {
  const items: RawItem[] = [];
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i];
    if (t?.type !== 'list_item_open') continue;
    const end = closingIndex(tokens, i, close);
    const item: RawItem = { text: '', links: [], children: [], line: lineOf(t, offset) };
    const parts: string[] = [];
    for (const b of readBlocks(tokens, i + 1, end, offset)) {
      if (b.type === 'list') pushAll(item.children, b.items);
      else if (b.type === 'paragraph') {
        parts.push(b.text);
        pushAll(item.links, b.links);
      } else if (b.type === 'table') parts.push(b.rows.map((r) => r.join(' ')).join(' '));
      else parts.push(b.text);
    }
    item.text = parts.filter((p) => p !== '').join(' ');
    items.push(item);
    i = end;
  }
  return items;
}

function readTable(tokens: Token[], open: number, close: number): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      rows.push(row);
      row = null;
    } else if (t.type === 'inline' && row) row.push(inlineText(t).lines.join('\n')); // `<br>` separates names in one cell
  }
  return rows;
}

/** Blocks between token indexes [start, end); nested containers (blockquotes) are flattened. */
function readBlocks(tokens: Token[], start: number, end: number, offset: number): Block[] {
  const blocks: Block[] = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (!t) continue;
    const line = lineOf(t, offset);
    switch (t.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const inline = tokens[i + 1];
        const it = inline?.type === 'inline' ? inlineText(inline) : { text: '', lines: [], links: [] };
        if (it.text !== '') blocks.push({ type: 'paragraph', text: it.text, lines: it.lines, links: it.links, line });
        i = closingIndex(tokens, i, end);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = closingIndex(tokens, i, end);
        blocks.push({ type: 'list', ordered: t.type === 'ordered_list_open', items: readList(tokens, i, close, offset), line });
        i = close;
        break;
      }
      case 'table_open': {
        const close = closingIndex(tokens, i, end);
        blocks.push({ type: 'table', rows: readTable(tokens, i, close), line });
        i = close;
        break;
      }
      case 'html_block':
        blocks.push({ type: 'html', text: t.content, line });
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ type: 'code', text: t.content, line });
        break;
      default:
        break; // blockquote open/close, hr: their content (if any) is read as it comes
    }
  }
  return blocks;
}

/**
 * Parses markdown into sections. `offset` is added to markdown-it's 0-based lines so that lines are
 * 1-based file lines (the body keeps the front matter as blank lines, so offset is 1).
 */
export function readSections(markdown: string, offset = 1): Section[] {
  const tokens = md.parse(markdown, {});
  const sections: Section[] = [];
  let current: Section = { title: '', depth: 0, line: 1, blocks: [] };
  sections.push(current);
  let from = 0;
  const flush = (to: number): void => {
    pushAll(current.blocks, readBlocks(tokens, from, to, offset));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.type !== 'heading_open' || t.level !== 0) continue;
    flush(i);
    const inline = tokens[i + 1];
    current = {
      title: inline?.type === 'inline' ? inlineText(inline).text : '',
      depth: Number(t.tag.slice(1)) || 1,
      line: lineOf(t, offset),
      blocks: [],
    };
    sections.push(current);
    i = closingIndex(tokens, i, tokens.length);
    from = i + 1;
  }
  flush(tokens.length);
  return sections;
}
