import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { familyJson, familyShell, familyText } from '../../../src/index/store/familyJson';
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
});
