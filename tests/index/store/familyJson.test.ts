import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { createFamilyJsonWriter, familyJson, familyShell, familyText, roleKey, sameJson } from '../../../src/index/store/familyJson';
import { parseFamily } from '../../../src/parse';
import type { JobFamily } from '../../../src/parse';

const SHAPES = join(__dirname, '..', '..', 'fixtures', 'shapes');

describe('familyJson', () => {
  const families = readdirSync(SHAPES)
    .filter((name) => name.includes('.md'))
    .map((name) => parseFamily(`content/job-families/sales/${name}`, readFileSync(join(SHAPES, name), 'utf8')));

  it('joins back to exactly JSON.stringify of the family, for every shape fixture', () => {
    expect(families.length).toBeGreaterThan(5);
    for (const family of families) {
      const json = familyJson(family);
      expect(familyText(json)).toBe(JSON.stringify(family));
      expect(json.roles).toEqual(family.roles.map((r) => JSON.stringify(r)));
      expect({ ...familyShell(json), roles: json.roles.map((r) => JSON.parse(r) as unknown) }).toEqual(JSON.parse(JSON.stringify(family)));
    }
  });

  it('cuts at the roles key even when a value before it spells that key', () => {
    const family = { ...families[0]!, title: 'a "roles":[] b', description: '"roles":[' } as JobFamily;
    const json = familyJson(family);
    expect(familyText(json)).toBe(JSON.stringify(family));
    expect(json.roles).toHaveLength(family.roles.length);
    expect(json.head.endsWith('"folderSlug":' + JSON.stringify(family.folderSlug) + ',"roles":[')).toBe(true);
  });

  it("keys each role by the SHA-256 of its whole text, so roles differing anywhere never share a key", () => {
    const all = families.flatMap((family) => {
      const json = familyJson(family);
      expect(json.roleKeys).toEqual(json.roles.map((text) => createHash('sha256').update(text, 'utf8').digest('base64')));
      return json.roles;
    });
    const distinct = new Set(all);
    expect(distinct.size).toBeGreaterThan(5);
    expect(new Set([...distinct].map(roleKey)).size).toBe(distinct.size);
    // One character apart, at the very end of a long text: still another key.
    const text = all[0]!;
    expect(roleKey(text.slice(0, -1) + ' ')).not.toBe(roleKey(text));
  });
});

describe('createFamilyJsonWriter', () => {
  const PATH = 'content/job-families/sales/family-wide.md';
  const v1 = readFileSync(join(SHAPES, 'family-wide.md'), 'utf8');
  const expectSame = (a: ReturnType<typeof familyJson>, b: ReturnType<typeof familyJson>) => {
    expect(a.head).toBe(b.head);
    expect(a.tail).toBe(b.tail);
    expect(a.roles).toEqual(b.roles);
    expect(a.roleKeys).toEqual(b.roleKeys);
  };

  it('writes exactly what familyJson writes, version after version of a page and across pages', () => {
    const write = createFamilyJsonWriter();
    const first = parseFamily(PATH, v1);
    expect(first.roles.length).toBeGreaterThan(1);
    const lastRole = first.roles[first.roles.length - 1]!;
    // An edit to the last role only, one to a bullet's text, one that moves every line below it.
    const bullet = lastRole.responsibilities[0]!;
    const edits = [v1, v1.replace(bullet, `${bullet} and more`), v1.replace(bullet, bullet), `${v1}\n`, v1.replace('\n## ', '\nAn added line.\n\n## ')];
    for (const text of edits) {
      const family = parseFamily(PATH, text);
      expectSame(write(family), familyJson(family));
    }
    for (const name of readdirSync(SHAPES).filter((n) => n.includes('.md'))) {
      const family = parseFamily(`content/job-families/sales/${name}`, readFileSync(join(SHAPES, name), 'utf8'));
      expectSame(write(family), familyJson(family));
    }
  });

  it('reuses the text of an unchanged role and writes a changed one afresh', () => {
    const write = createFamilyJsonWriter();
    const before = parseFamily(PATH, v1);
    write(before);
    const lastRole = before.roles[before.roles.length - 1]!;
    const edited = parseFamily(PATH, v1.replace(lastRole.responsibilities[0]!, 'Something else entirely'));
    const out = write(edited);
    const plain = familyJson(edited);
    expectSame(out, plain);
    expect(out.roles[out.roles.length - 1]).not.toBe(familyJson(before).roles[before.roles.length - 1]);
    expect(out.roles.slice(0, -1)).toEqual(familyJson(before).roles.slice(0, -1));
  });
});

describe('sameJson', () => {
  it('is true exactly when the JSON texts are equal, for plain data', () => {
    const pairs: Array<[unknown, unknown]> = [
      [{ a: 1, b: [1, 'x', null, { c: true }] }, { a: 1, b: [1, 'x', null, { c: true }] }],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [{ a: [1, 2] }, { a: [1, 2, 3] }],
      [{ a: 'x' }, { a: 'y' }],
      [{ a: 1 }, { a: '1' }],
      [[], {}],
      [{ a: null }, { a: {} }],
      [{ a: -0 }, { a: 0 }],
    ];
    for (const [a, b] of pairs) expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });

  it('calls anything else different, so a yes is never wrong', () => {
    expect(sameJson({ a: NaN }, { a: NaN })).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson({ d: new Date(0) }, { d: new Date(0) })).toBe(false);
    const withToJson = () => ({ toJSON: () => 'x' });
    expect(sameJson(withToJson(), withToJson())).toBe(false);
  });
});
