// readSections with a memory: the page is cut before its top-level headings (headingChunks.ts) and
// each piece is tokenised and read once per distinct text, then placed at its line. A cold index
// parses every version of every page, and a commit usually edits one section of one page, so most
// pieces were read already in an earlier version of the same page. The sections returned are
// fresh objects equal to what readSections returns for the whole page (tests/parse/sectionMemo.test.ts
// proves it over every fixture); only their leaf strings and arrays, frozen, are shared.
import { LRUCache } from 'lru-cache';
import { splitAtHeadings } from './headingChunks';
import { readSections, type Block, type RawItem, type Section } from './sections';

/**
 * Pieces remembered per thread, bounded by their text (the sections they hold take a few times
 * that). A cold build sends a page's versions one after another (blobCache.ts orders them by
 * path within long windows of the history, parseOrder.ts), so the pieces of the last few hundred
 * page versions are all a hit needs.
 */
const MEMO_CHARS = 512 * 1024;

export interface SectionReader {
  (markdown: string, offset?: number): Section[];
}

/** A reader with its own memo of `maxChars` characters of piece text. */
export function createSectionReader(maxChars = MEMO_CHARS): SectionReader {
  const memo = new LRUCache<string, Section[]>({ maxSize: maxChars, sizeCalculation: (_v, key) => Math.max(1, key.length) });
  const piece = (text: string): Section[] => {
    let sections = memo.get(text);
    if (sections === undefined) {
      sections = readSections(text, 0);
      freezeLeaves(sections);
      memo.set(text, sections);
    }
    return sections;
  };
  return (markdown, offset = 1) => {
    const chunks = splitAtHeadings(markdown);
    if (chunks === null || chunks.length < 2) return readSections(markdown, offset);
    const out: Section[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const sections = piece(chunk.text);
      const by = chunk.line + offset;
      // Every piece after the first starts with its heading, so its part before a heading is empty;
      // if not, the cut was wrong and the page is read whole.
      if (i > 0 && (sections[0]?.blocks.length !== 0 || sections.length < 2)) return readSections(markdown, offset);
      for (let s = i === 0 ? 0 : 1; s < sections.length; s++) out.push(shiftSection(sections[s]!, by, s === 0));
    }
    return out;
  };
}

/** The default reader: one memo per thread (each parse worker has its own). */
export const readSectionsMemo: SectionReader = createSectionReader();

function shiftSection(s: Section, by: number, preamble: boolean): Section {
  // The part before the first heading is at line 1 whatever the offset (as readSections has it).
  return { title: s.title, depth: s.depth, line: preamble ? s.line : s.line + by, blocks: s.blocks.map((b) => shiftBlock(b, by)) };
}

function shiftBlock(b: Block, by: number): Block {
  if (b.type === 'list') return { type: 'list', ordered: b.ordered, items: shiftItems(b.items, by), line: b.line + by };
  return { ...b, line: b.line + by };
}

function shiftItems(items: RawItem[], by: number): RawItem[] {
  return items.map((i) => ({ text: i.text, links: i.links, children: shiftItems(i.children, by), line: i.line + by }));
}

/** The parts every copy shares are frozen, so a caller that changed one would fail, not corrupt the memo. */
function freezeLeaves(sections: Section[]): void {
  const items = (list: RawItem[]): void => {
    for (const i of list) {
      for (const l of i.links) Object.freeze(l);
      Object.freeze(i.links);
      items(i.children);
    }
  };
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.type === 'paragraph') {
        Object.freeze(b.lines);
        for (const l of b.links) Object.freeze(l);
        Object.freeze(b.links);
      } else if (b.type === 'list') items(b.items);
      else if (b.type === 'table') {
        for (const r of b.rows) Object.freeze(r);
        Object.freeze(b.rows);
      }
    }
  }
}
