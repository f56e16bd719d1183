// Known weak spots in our own dependencies, each pinned: the installed versions are the fixed ones,
// and the input that exploits the old ones does nothing here.
import fs from 'node:fs';
import path from 'node:path';
import { parseFamily } from '../../src/parse';

const ROOT = path.resolve(__dirname, '..', '..');
const PATH = 'content/job-families/sales/example.md';

function version(pkgDir: string): number[] {
  const { version: v } = JSON.parse(fs.readFileSync(path.join(ROOT, pkgDir, 'package.json'), 'utf8')) as { version: string };
  return v.split('.').map((n) => Number.parseInt(n, 10));
}

function atLeast(actual: number[], wanted: number[]): boolean {
  for (let i = 0; i < wanted.length; i += 1) {
    if ((actual[i] ?? 0) !== wanted[i]) return (actual[i] ?? 0) > wanted[i];
  }
  return true;
}

describe('js-yaml (merge-key prototype pollution, CVE-2025-64718; alias bombs)', () => {
  it('resolves only fixed js-yaml versions in the lockfile', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const copies = Object.entries(lock.packages).filter(([p]) => p.endsWith('node_modules/js-yaml'));
    expect(copies.length).toBeGreaterThan(0);
    for (const [, pkg] of copies) {
      const v = (pkg.version ?? '0').split('.').map(Number);
      // 3.14.2 and 4.1.1 carry the fix; nothing in between exists.
      expect(v[0] === 3 ? atLeast(v, [3, 14, 2]) : atLeast(v, [4, 1, 1])).toBe(true);
    }
  });

  it('keeps a `<<` merge of `__proto__` out of the front matter and out of Object.prototype', () => {
    const text = ['---', 'title: "Example"', '<<: {"__proto__": {"polluted": "yes"}}', 'base: &b {"__proto__": {"viaAlias": "yes"}}', 'other:', '  <<: *b', '---', '', '## Example Role', '', 'The Example Role is a grade 7.', ''].join('\n');
    const family = parseFamily(PATH, text);
    const fm = family.frontMatter as Record<string, unknown>;
    expect(fm.title).toBe('Example');
    expect(Object.getPrototypeOf(fm)).toBe(Object.prototype);
    expect(fm.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(fm.other)).toBe(Object.prototype);
    expect((fm.other as Record<string, unknown>).viaAlias).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).viaAlias).toBeUndefined();
    expect(family.roles.map((r) => r.grade)).toEqual([7]);
  });

  it('refuses a billion-laughs alias bomb with a warning and still parses the body', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i += 1) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    bomb.push('---', '', '## Example Role', '', 'The Example Role is a grade 7.', '');
    const family = parseFamily(PATH, bomb.join('\n'));
    expect(family.warnings.map((w) => w.code)).toContain('front-matter-aliases');
    expect(family.roles.map((r) => r.grade)).toEqual([7]);
  });
});

describe('markdown-it (linkify / smartquotes ReDoS before 14.2)', () => {
  it('is at least 14.2', () => {
    expect(atLeast(version('node_modules/markdown-it'), [14, 2])).toBe(true);
  });

  it('parses the inputs behind the old backtracking reports without hanging', () => {
    // linkify-it fuzzy e-mail/link runs and typographer quote runs; jest's timeout is the hang detector.
    const inputs = [
      `- ${'a@'.repeat(20000)}x`,
      `- ${'"'.repeat(20000)}a`,
      `- ${"'a".repeat(20000)}`,
      `- ${'www.'.repeat(10000)}x`,
      `- ${'*_'.repeat(20000)}`,
      `- ${'['.repeat(20000)}${']('.repeat(5000)}`,
    ];
    for (const body of inputs) {
      const family = parseFamily(PATH, `## Example Role\n\nThe Example Role is a grade 7.\n\n### Responsibilities\n\n${body}\n`);
      expect(family.roles[0]?.grade).toBe(7);
      expect(family.roles[0]?.responsibilities.length).toBe(1);
    }
  });
});
