// Front matter never executes code and stays bounded, whatever the block says.
import { parseFamily } from '../../src/parse';
import { readFrontMatter } from '../../src/parse/frontMatter';

const PATH = 'content/job-families/sales/x.md';
const g = globalThis as Record<string, unknown>;

describe('front matter', () => {
  afterEach(() => {
    delete g['pwned'];
  });

  it.each(['js', 'javascript', 'coffee', 'coffeescript', ' js'])('never runs ---%s front matter', (lang) => {
    const text = `---${lang}\n{ title: (globalThis.pwned = 1, "x") }\n---\n\n## Responsibilities\n\n- Sell\n`;
    const f = parseFamily(PATH, text);
    expect(g['pwned']).toBeUndefined();
    expect(f.frontMatter).toEqual({});
    expect(f.warnings.map((w) => w.code)).toContain('front-matter-language');
    expect(f.roles[0]?.responsibilities).toEqual(['Sell']);
  });

  it('reads YAML keys, including a capitalised Description and dates as ISO strings', () => {
    const f = parseFamily(PATH, '---\ntitle: "A"\nDescription: b\nweight: 3\nwhen: 2020-01-02\ncascade:\n  type: docs\n---\n');
    expect(f.frontMatter).toEqual({ title: 'A', Description: 'b', weight: 3, when: '2020-01-02T00:00:00.000Z', cascade: { type: 'docs' } });
    expect(f.description).toBe('b');
  });

  it('bounds a YAML alias bomb: ignored with a warning, body still parsed', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const f = parseFamily(PATH, `---\n${lines.join('\n')}\n---\n\n## Requirements\n\n- Be kind\n`);
    expect(f.frontMatter).toEqual({});
    expect(f.warnings.map((w) => w.code)).toContain('front-matter-aliases');
    expect(f.roles[0]?.requirements).toEqual(['Be kind']);
  });

  it('bounds absurdly deep and absurdly large front matter', () => {
    const deep = readFrontMatter(`---\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\nbody`);
    expect(deep.data).toEqual({});
    expect(deep.warnings.map((w) => w.code)).toEqual(['front-matter-too-deep']);
    const big = readFrontMatter(`---\nx: "${'a'.repeat(200_000)}"\n---\nbody`);
    expect(big.warnings.map((w) => w.code)).toEqual(['front-matter-too-large']);
  });

  it('turns broken YAML into a warning and keeps the simple keys', () => {
    const f = parseFamily(PATH, '---\ntitle: "Broken\nRoleName: Seller\n  - : :\n---\n\n## Responsibilities\n\n- Sell\n');
    expect(f.warnings.map((w) => w.code)).toContain('front-matter-yaml');
    expect(f.roles[0]?.title).toBe('Seller');
  });

  it('recovers a quoted "##" key as a role heading at its own line', () => {
    const f = parseFamily(PATH, '---\ntitle: "T"\n"##": "Role A"\n---\n### Job Grade\n\nThe Role A is a grade 5.\n\n## Role B\n\n### Job Grade\n\nThe Role B is a grade 6.\n');
    expect(f.roles.map((r) => [r.title, r.grade, r.line])).toEqual([['Role A', 5, 3], ['Role B', 6, 9]]);
    expect(f.frontMatter).toEqual({ title: 'T' });
  });

  it('keeps the body line for line: the front matter blanked, whatever ends the closing fence', () => {
    // The body is the page with the front matter's lines emptied, so every later line number holds.
    expect(readFrontMatter('---\ntitle: x\n---\n## A\n\ntext\n').body).toBe('\n\n\n## A\n\ntext\n');
    expect(readFrontMatter('---\r\ntitle: x\r\n---\r\n## A\r\n').body).toBe('\n\n\n## A\r\n');
    expect(readFrontMatter('---\ntitle: x\n---').body).toBe('\n\n');
    expect(readFrontMatter('---\ntitle: x\n---\n').body).toBe('\n\n\n');
    expect(readFrontMatter('---\n---\nbody').body).toBe('\n\nbody');
    const recovered = readFrontMatter('---\ntitle: x\n"##": "Role A"\n---\nrest');
    expect(recovered.body).toBe('\n\n## Role A\n\nrest');
    expect(recovered.data).toEqual({ title: 'x' });
  });

  it('reads an unclosed block as body with a warning', () => {
    const f = parseFamily(PATH, '---\ntitle: x\n\n## Responsibilities\n\n- Sell\n');
    expect(f.warnings.map((w) => w.code)).toContain('front-matter-unclosed');
  });
});

describe('front matter read again (remembered per thread)', () => {
  const page = '---\ntitle: Backend Engineer\ncascade:\n  levels: [intermediate, senior]\nreviewed: 2021-03-04\n---\n# Backend Engineer\n';

  it('gives each read its own objects, equal to the first', () => {
    const first = readFrontMatter(page).data;
    expect(first).toEqual({ title: 'Backend Engineer', cascade: { levels: ['intermediate', 'senior'] }, reviewed: '2021-03-04T00:00:00.000Z' });
    (first.cascade as { levels: string[] }).levels.push('changed by a caller');
    first.title = 'changed';
    const again = readFrontMatter(page).data;
    expect(again).toEqual({ title: 'Backend Engineer', cascade: { levels: ['intermediate', 'senior'] }, reviewed: '2021-03-04T00:00:00.000Z' });
    expect(again).not.toBe(first);
  });

  it('reports a broken block at every read', () => {
    const broken = '---\ntitle: [unclosed\n---\nbody\n';
    for (let i = 0; i < 2; i++) expect(readFrontMatter(broken).warnings.map((w) => w.code)).toContain('front-matter-yaml');
  });
});
