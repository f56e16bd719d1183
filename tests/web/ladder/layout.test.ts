// layerOf and layeredPositions: layers by grade (highest on top), ungraded boxes between the
// boxes they link to, families as column bands on shelves, summary boxes in wrapped rows.
// Expected positions are worked out by hand from ROW_GAP = 92, COLUMN_GAP = 225, FAMILY_GAP = 45.
import { COLUMN_GAP, FAMILY_GAP, layeredPositions, layerOf, MAX_COLUMNS, ROW_GAP, SHELF_GAP, type LayoutBox } from '../../../src/web/ladder/layout';

function role(id: string, grade: number | null, family: string): LayoutBox {
  return { id, grade, band: family };
}

function alone(id: string, grade: number | null): LayoutBox {
  return { id, grade, band: id };
}

const link = (from: string, to: string) => ({ from, to });

it('spaces rows and columns by the gaps the node boxes need', () => {
  expect([ROW_GAP, COLUMN_GAP, FAMILY_GAP, SHELF_GAP, MAX_COLUMNS]).toEqual([92, 225, 45, 70, 8]);
});

describe('layerOf', () => {
  it('puts an ungraded role between the grades of the roles it links to, never below everyone', () => {
    const boxes = [role('a6', 6, 'a'), role('lead', null, 'a'), role('a9', 9, 'a'), role('intern', null, 'b'), role('b5', 5, 'b'), role('top', null, 'c')];
    const layers = layerOf(boxes, [link('a6', 'lead'), link('lead', 'a9'), link('intern', 'b5'), link('a9', 'top')]);
    expect(Object.fromEntries(layers)).toEqual({ a6: 6, lead: 7.5, a9: 9, intern: 4.5, b5: 5, top: 9.5 });
  });

  it('follows a chain of ungraded roles from the graded one they hang from', () => {
    const layers = layerOf([role('m', 8, 'a'), role('u1', null, 'a'), role('u2', null, 'a')], [link('m', 'u1'), link('u1', 'u2')]);
    expect(Object.fromEntries(layers)).toEqual({ m: 8, u1: 8.5, u2: 9 });
  });

  it('stacks roles linked to nothing graded above the lowest grade, one layer per step, even around a circle', () => {
    const boxes = [role('g', 6, 'a'), role('x', null, 'b'), role('y', null, 'b'), role('z', null, 'c')];
    const layers = layerOf(boxes, [link('x', 'y'), link('y', 'x')]);
    expect(layers.get('z')).toBe(6.5);
    expect([layers.get('x'), layers.get('y')].every((v) => v! >= 6.5)).toBe(true);
    expect(layerOf([role('solo', null, 'a')], []).get('solo')).toBe(0);
  });
});

describe('layeredPositions', () => {
  it('puts one family in one band, the highest grade on top', () => {
    const boxes = [role('a7', 7, 'a'), role('a8', 8, 'a'), role('a9', 9, 'a')];
    expect(layeredPositions(boxes, [link('a7', 'a8'), link('a8', 'a9')])).toEqual({
      a9: { x: 0, y: 0 },
      a8: { x: 0, y: 92 },
      a7: { x: 0, y: 184 },
    });
  });

  it('sets families side by side with a gap for their frames, same grades on one row, and a 9.5 between 10 and 9', () => {
    const boxes = [role('a10', 10, 'a'), role('a9', 9, 'a'), role('a9b', 9, 'a'), role('b95', 9.5, 'b')];
    // Band a is two columns wide (two roles at grade 9), band b one; span = 3 × 225 + 45 − 225 = 495.
    expect(layeredPositions(boxes, [])).toEqual({
      a10: { x: -247.5, y: 0 },
      a9: { x: -247.5, y: 184 },
      a9b: { x: -22.5, y: 184 },
      b95: { x: 247.5, y: 92 },
    });
  });

  it('starts a new shelf when the families would pass MAX_COLUMNS columns', () => {
    const boxes = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => role(`r${i}`, 5, `f${i}`));
    const positions = layeredPositions(boxes, []);
    expect(new Set(boxes.slice(0, MAX_COLUMNS).map((b) => positions[b.id]!.y))).toEqual(new Set([0]));
    expect(positions[`r${MAX_COLUMNS}`]).toEqual({ x: 0, y: ROW_GAP + SHELF_GAP });
  });

  it('fills rows of summary boxes by layer, wrapping each layer every MAX_COLUMNS boxes', () => {
    const boxes = [...Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => alone(`f${i}`, 9)), alone('top', 12)];
    const positions = layeredPositions(boxes, []);
    expect(positions.top).toEqual({ x: 0, y: 0 });
    expect(positions.f0).toEqual({ x: (-(MAX_COLUMNS - 1) / 2) * COLUMN_GAP, y: ROW_GAP });
    expect(positions[`f${MAX_COLUMNS}`]).toEqual({ x: 0, y: 2 * ROW_GAP });
  });

  it('never puts two boxes in one cell', () => {
    const boxes = Array.from({ length: 60 }, (_, i) => role(`r${i}`, i % 3 === 0 ? null : 4 + (i % 5), `f${i % 7}`));
    const links = boxes.slice(1).map((b, i) => link(boxes[i]!.id, b.id));
    const cells = Object.values(layeredPositions(boxes, links)).map((p) => `${p.x},${p.y}`);
    expect(new Set(cells).size).toBe(boxes.length);
  });

  it('places nothing for an empty ladder', () => {
    expect(layeredPositions([], [])).toEqual({});
  });
});
