// gradeRowPositions: rows by grade (highest on top, ungraded at the bottom), then barycentre sweeps
// that uncross edges while keeping each family's roles side by side in level order. Expected
// positions are worked out by hand from ROW_GAP = 92 and COLUMN_GAP = 225.
import { COLUMN_GAP, gradeRowPositions, ROW_GAP } from '../../../src/web/ladder/layout';
import type { LadderEdge, LadderEdgeKind, LadderNode } from '../../../src/web/ladder/types';

function role(id: string, grade: number | null, family: string): LadderNode {
  return { id, key: id, title: id, grade, family: { slug: family, title: family } };
}

function edge(from: string, to: string, kind: LadderEdgeKind = 'LADDER_LINK'): LadderEdge {
  return { from: { id: from }, to: { id: to }, kind };
}

it('spaces rows and columns by the gaps the node boxes need', () => {
  expect([ROW_GAP, COLUMN_GAP]).toEqual([92, 225]);
});

it('puts one family on one column, the highest grade on top', () => {
  const nodes = [role('a7', 7, 'a'), role('a8', 8, 'a'), role('a9', 9, 'a')];
  const edges = [edge('a7', 'a8', 'LEVEL_ORDER'), edge('a8', 'a9', 'LEVEL_ORDER')];
  expect(gradeRowPositions(nodes, edges)).toEqual({
    a9: { x: 0, y: 0 },
    a8: { x: 0, y: 92 },
    a7: { x: 0, y: 184 },
  });
});

it('centres a row, orders it by family slug, and puts roles without a grade on a last row', () => {
  const nodes = [role('none', null, 'a'), role('b10', 10, 'b'), role('a10', 10, 'a')];
  expect(gradeRowPositions(nodes, [])).toEqual({
    a10: { x: -112.5, y: 0 },
    b10: { x: 112.5, y: 0 },
    none: { x: 0, y: 92 },
  });
});

it('gives a 9.5 its own row between 10 and 9', () => {
  const nodes = [role('nine', 9, 'a'), role('ten', 10, 'a'), role('nine-half', 9.5, 'a')];
  expect(gradeRowPositions(nodes, [])).toEqual({
    ten: { x: 0, y: 0 },
    'nine-half': { x: 0, y: 92 },
    nine: { x: 0, y: 184 },
  });
});

it('swaps a lower row so that two crossing links run straight', () => {
  // c → b and d → a cross when c and d keep slug order under a and b.
  const nodes = [role('a', 12, 'a'), role('b', 12, 'b'), role('c', 11, 'c'), role('d', 11, 'd')];
  const edges = [edge('c', 'b'), edge('d', 'a')];
  expect(gradeRowPositions(nodes, edges)).toEqual({
    a: { x: -112.5, y: 0 },
    b: { x: 112.5, y: 0 },
    d: { x: -112.5, y: 92 },
    c: { x: 112.5, y: 92 },
  });
});

it("moves a family's roles as one block, in level order, by their mean neighbour position", () => {
  // Alone, a2 (no neighbour outside its row, key 0) would sit left of a1 (under t2, key 112.5);
  // as family a (mean 56.25) they move right of b1 (under t1, key -112.5) together, a1 before a2.
  const nodes = [role('a1', 9, 'a'), role('a2', 9, 'a'), role('b1', 9, 'b'), role('t1', 10, 'y'), role('t2', 10, 'z')];
  const edges = [edge('a1', 't2'), edge('b1', 't1'), edge('a1', 'a2', 'LEVEL_ORDER')];
  expect(gradeRowPositions(nodes, edges)).toEqual({
    t1: { x: -112.5, y: 0 },
    t2: { x: 112.5, y: 0 },
    b1: { x: -225, y: 92 },
    a1: { x: 0, y: 92 },
    a2: { x: 225, y: 92 },
  });
});

it('places nothing for an empty ladder', () => {
  expect(gradeRowPositions([], [])).toEqual({});
});
