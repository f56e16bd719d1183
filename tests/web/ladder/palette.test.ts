import { familyColours, PALETTE } from '../../../src/web/ladder/palette';
import type { LadderNode } from '../../../src/web/ladder/types';

function role(id: string, family: string, title = family.toUpperCase()): LadderNode {
  return { id, key: id, title: id, grade: null, family: { slug: family, title } };
}

it('gives each family one colour, in slug order, with its title for the legend', () => {
  const palette = familyColours([role('x', 'sales/b'), role('y', 'sales/a'), role('z', 'sales/b')]);
  expect(palette).toEqual({
    slugs: ['sales/a', 'sales/b'],
    titles: { 'sales/a': 'SALES/A', 'sales/b': 'SALES/B' },
    colours: { 'sales/a': '#a6cee3', 'sales/b': '#b2df8a' },
  });
});

it('starts the palette again after its twelfth colour', () => {
  const slugs = Array.from({ length: 13 }, (_, i) => `f${String(i).padStart(2, '0')}`);
  const palette = familyColours(slugs.map((slug) => role(slug, slug)));
  expect(PALETTE).toHaveLength(12);
  expect(palette.colours.f11).toBe('#ccebc5');
  expect(palette.colours.f12).toBe('#a6cee3');
});
