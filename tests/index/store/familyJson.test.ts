import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { familyJson, familyShell, familyText, roleKey } from '../../../src/index/store/familyJson';
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
