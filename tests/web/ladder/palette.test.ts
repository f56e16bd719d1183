import { departmentColours, PALETTE } from '../../../src/web/ladder/palette';

it('gives each department one colour from a short palette, the same whatever else is drawn', () => {
  expect(PALETTE).toHaveLength(8);
  const alone = departmentColours(['sales']);
  const together = departmentColours(['sales', 'engineering', 'sales', 'marketing']);
  expect(together.departments).toEqual(['engineering', 'marketing', 'sales']);
  expect(together.colours.sales).toBe(alone.colours.sales);
  for (const colour of Object.values(together.colours)) expect(PALETTE).toContain(colour);
});

it('uses every colour of the palette over the departments of a large handbook', () => {
  const names = Array.from({ length: 24 }, (_, i) => `department-${i}`);
  expect(new Set(Object.values(departmentColours(names).colours)).size).toBeGreaterThan(4);
});
