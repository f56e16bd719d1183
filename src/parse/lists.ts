// Turning the blocks of a section into the strings a role exposes: one per top-level bullet,
// with nested bullets kept as children; sections written as plain lines read one item per line.
import { pushAll } from './pushAll';
import type { ListItem } from './types';
import type { Block, RawItem } from './sections';

/** Recursion bound for nested bullets when converting (markdown-it already caps nesting at 100). */
const MAX_ITEM_DEPTH = 50;

function toListItem(item: RawItem, depth: number): ListItem {
  return { text: item.text, children: depth < MAX_ITEM_DEPTH ? item.children.map((c) => toListItem(c, depth + 1)) : [] };
}

/** All bullets of all lists in the blocks, in order (a blank line or paragraph may split one list in two). */
export function listItems(blocks: Block[]): ListItem[] {
  const out: ListItem[] = [];
  for (const b of blocks) if (b.type === 'list') pushAll(out, b.items.filter((i) => i.text !== '' || i.children.length > 0).map((i) => toListItem(i, 0)));
  return out;
}

/** Paragraph texts of the blocks. */
export function paragraphs(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) if (b.type === 'paragraph') out.push(b.text);
  return out;
}

/**
 * The items of a responsibilities/requirements section. When it has bullets, those; when it has
 * none, each line of its paragraphs (chief-of-staff-to-the-cfo writes responsibilities one per line
 * with no marker), leaving out a lead-in line ending in `:`.
 */
export function sectionItems(blocks: Block[]): { items: ListItem[]; prose: string[] } {
  const items = listItems(blocks);
  if (items.length > 0) return { items, prose: paragraphs(blocks) };
  const lines: ListItem[] = [];
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    for (const line of b.lines) if (!line.endsWith(':')) lines.push({ text: line, children: [] });
  }
  return { items: lines, prose: [] };
}

/** A performance-indicators section as the strings a role or family serves: its lead-in prose, then its items. */
export function performanceTexts(blocks: Block[]): string[] {
  const perf = sectionItems(blocks);
  return [...perf.prose, ...perf.items.map((i) => i.text)];
}

/** Every piece of text in the blocks (paragraphs, bullets with their children, table cells). */
export function allTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (items: RawItem[], depth: number): void => {
    for (const i of items) {
      out.push(i.text);
      if (depth < MAX_ITEM_DEPTH) walk(i.children, depth + 1);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(b.text);
    else if (b.type === 'list') walk(b.items, 0);
    else if (b.type === 'table') for (const r of b.rows) out.push(r.join(' | '));
  }
  return out;
}
