// Inline markdown to plain text: links reduced to their text (their targets kept aside for the
// career ladder), emphasis dropped, `<br>` read as a line break, other inline HTML dropped.
import type { Token } from 'markdown-it';
import { tidy } from './normalizeText';

export interface InlineLink {
  text: string;
  href: string;
}

export interface InlineText {
  /** Whitespace-collapsed text. */
  text: string;
  /** Text with line breaks kept (`softbreak`, `<br>`), for content written one item per line. */
  lines: string[];
  links: InlineLink[];
}

/** `<br>`, `<br/>`, `<br />` in any case: the line break inside table cells (total-rewards). */
const BR_TAG = /^<br\s*\/?>$/i;

export function inlineText(token: Token): InlineText {
  const links: InlineLink[] = [];
  let out = '';
  let link: { href: string; start: number } | null = null;
  for (const c of token.children ?? []) {
    switch (c.type) {
      case 'text':
      case 'code_inline':
        out += c.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'html_inline':
        if (BR_TAG.test(c.content.trim())) out += '\n';
        break;
      case 'image':
        out += c.content;
        break;
      case 'link_open':
        link = { href: c.attrGet('href') ?? '', start: out.length };
        break;
      case 'link_close':
        if (link) links.push({ text: tidy(out.slice(link.start)), href: link.href });
        link = null;
        break;
      default:
        break;
    }
  }
  const lines = out.split('\n').map(tidy).filter((l) => l !== '');
  // The tidied lines joined are the tidied text (line breaks are whitespace too), so the text costs
  // no second pass; a comment could span lines, so a text holding one is tidied whole.
  return { text: out.includes('<!--') ? tidy(out) : lines.join(' '), lines, links };
}
