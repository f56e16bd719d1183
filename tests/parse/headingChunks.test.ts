import { splitAtHeadings } from '../../src/parse/headingChunks';

/** Where the page was cut: the 0-based line each piece starts at, or null when it was not cut. */
function cuts(markdown: string): number[] | null {
  const chunks = splitAtHeadings(markdown);
  return chunks === null ? null : chunks.map((c) => c.line);
}

describe('splitAtHeadings', () => {
  it('cuts before every top-level ATX heading, and the pieces put back together are the page', () => {
    const page = 'intro\n\n# Title\n\ntext\n## Responsibilities\n- a\n- b\n\n### Senior\n';
    expect(cuts(page)).toEqual([0, 2, 5, 9]);
    expect(splitAtHeadings(page)!.map((c) => c.text).join('')).toBe(page);
  });

  it('leaves a page without a heading whole, and makes no empty first piece', () => {
    expect(cuts('just text\n')).toEqual([0]);
    expect(cuts('')).toEqual([0]);
    expect(cuts('# Title\nbody\n')).toEqual([0]);
  });

  it('cuts only at what markdown-it reads as a heading: 1–6 marks then a space, tab or line end, at column 0', () => {
    expect(cuts('a\n#hashtag\n####### seven\n # indented\n#\n#\tTab\n')).toEqual([0, 4, 5]);
  });

  it('never cuts inside fenced code, whatever fence closes it', () => {
    expect(cuts('a\n```bash\n# comment\n```\n# After\n')).toEqual([0, 4]);
    expect(cuts('a\n~~~~\n# x\n~~~\n# still code\n~~~~~\n# After\n')).toEqual([0, 6]);
    expect(cuts('a\n```\n# x\n   ```  \n# After\n')).toEqual([0, 4]);
    // An unclosed fence runs to the end of the page.
    expect(cuts('a\n```\n# x\n')).toEqual([0]);
  });

  it('reads a backtick run whose info string holds a backtick as text, not a fence', () => {
    expect(cuts('a\n``` x ` y\n# After\n')).toEqual([0, 2]);
  });

  it('never cuts inside an HTML block: comments and <pre> until their end, other blocks until a blank line', () => {
    expect(cuts('a\n<!--\n\n# hidden\n-->\n# After\n')).toEqual([0, 5]);
    expect(cuts('a\n<pre>\n# x\n</pre>\n# After\n')).toEqual([0, 4]);
    expect(cuts('a\n<div>\n# inside the div\n\n# After\n')).toEqual([0, 4]);
    expect(cuts('a\n<!-- one line -->\n# After\n')).toEqual([0, 2]);
    // At column 0 a comment is surely top-level: what it holds is only its text.
    expect(cuts('<!--\n```\n<b>\n-->\n# After\n')).toEqual([0, 4]);
  });

  it('does not cut a page it cannot read for sure', () => {
    // A reference definition applies to links anywhere on the page.
    expect(cuts('[a][x]\n# Title\n[x]: https://example.com\n')).toBeNull();
    // A fence indented 1–3 columns may belong to a list item.
    expect(cuts('- item\n  ```\n  code\n# After\n')).toBeNull();
    // A fence or a new HTML block inside an HTML block that may sit in a list item, or that may be a paragraph.
    expect(cuts('  <!--\n```\n-->\n# After\n')).toBeNull();
    expect(cuts('<div>\n<!--\n\n# x\n-->\n# After\n')).toBeNull();
  });

  it('cuts after containers a heading ends: lists, quotes, tables, indented code', () => {
    expect(cuts('- a\n  - b\n# H\n> quote\n# H2\n| a | b |\n|---|---|\n| 1 | 2 |\n# H3\n    code\n# H4\n')).toEqual([0, 2, 4, 8, 10]);
  });
});
