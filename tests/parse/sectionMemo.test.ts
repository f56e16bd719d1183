// The memoised reader must give exactly what reading the whole page gives: same sections, blocks,
// texts and lines (warnings and positions downstream are computed from these alone).
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { createSectionReader } from '../../src/parse/sectionMemo';
import { readSections } from '../../src/parse/sections';
import { splitAtHeadings } from '../../src/parse/headingChunks';
import { decodeInput } from '../../src/parse/decode';
import { readFrontMatter } from '../../src/parse/frontMatter';
import { extractTemplateTags, repairMojibake } from '../../src/parse/normalizeText';
import { repairLists } from '../../src/parse/repairLists';
import { parseFamily } from '../../src/parse';

const FIXTURES = join(__dirname, '..', 'fixtures');

function pages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pages(full));
    else if (/\.md(?:\.erb)?$/.test(name)) out.push(full);
  }
  return out;
}

/** The markdown parseFamily hands to the section reader. */
function body(text: string): string {
  const fm = readFrontMatter(repairMojibake(decodeInput(text).text));
  return repairLists(extractTemplateTags(fm.body).text);
}

/** Variants of a page as later versions look: one piece edited, pieces reordered, a piece dropped. */
function variants(markdown: string): string[] {
  const chunks = splitAtHeadings(markdown);
  if (chunks === null || chunks.length < 2) return [];
  const texts = chunks.map((c) => c.text);
  const out: string[] = [];
  out.push(texts.map((t, i) => (i === 1 ? t.replace(/\n/, '\n\nAn added line with a [link](/job-families/x/).\n') : t)).join(''));
  out.push([...texts.slice(1), texts[0]!].join(''));
  out.push(texts.filter((_t, i) => i !== texts.length - 1).join(''));
  out.push(`\n\n${texts.join('')}`);
  return out;
}

const files = pages(FIXTURES);

describe('readSectionsMemo', () => {
  it('finds the fixtures, and cuts most of them', () => {
    expect(files.length).toBeGreaterThan(50);
    const cut = files.filter((f) => (splitAtHeadings(body(readFileSync(f, 'utf8')))?.length ?? 0) > 1);
    expect(cut.length).toBeGreaterThan(files.length / 2);
  });

  it('reads every fixture and its variants exactly as the whole page is read, on a cold and a warm memo', () => {
    const read = createSectionReader();
    const inputs: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const md of [text, body(text)]) inputs.push(md, ...variants(md));
    }
    for (const pass of [1, 2]) {
      for (const md of inputs) {
        for (const offset of [1, 3]) expect({ pass, md, sections: read(md, offset) }).toEqual({ pass, md, sections: readSections(md, offset) });
      }
    }
  });

  it('reads the pages the cutter must handle with care exactly as whole', () => {
    const read = createSectionReader();
    const tricky = [
      'a\n```bash\n# comment\n```\n# After\ntext\n',
      'a\n<!--\n\n# hidden\n-->\n# After\n',
      'a\n<div>\n# inside\n\n# After\n',
      '- item\n  ```\n  code\n# After\n',
      '- item\n\n  more\n# After\n- b\n',
      '> quote\n# After\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n# After\n',
      'Title\n=====\n# After\nSub\n---\n',
      '    code\n# After\n    more code\n',
      '# One\n# One\n',
    ];
    for (const md of tricky) for (let i = 0; i < 2; i++) expect(read(md, 1)).toEqual(readSections(md, 1));
  });

  it('hands out copies: changing a returned section does not change the next answer', () => {
    const read = createSectionReader();
    const md = '# T\n\n## Requirements\n- a\n- b\n';
    const first = read(md);
    first[1]!.line = 99;
    first[2]!.blocks.length = 0;
    expect(read(md)).toEqual(readSections(md, 1));
  });

  it('keeps parseFamily answers equal across versions of a page (memo hits)', () => {
    const file = files.find((f) => f.endsWith('high-velocity-sales-and-first-orders.md'))!;
    const text = readFileSync(file, 'utf8');
    const first = JSON.stringify(parseFamily('content/job-families/sales/high-velocity-sales-and-first-orders.md', text));
    for (const v of variants(text)) parseFamily('content/job-families/sales/high-velocity-sales-and-first-orders.md', v);
    expect(JSON.stringify(parseFamily('content/job-families/sales/high-velocity-sales-and-first-orders.md', text))).toBe(first);
  });
});
