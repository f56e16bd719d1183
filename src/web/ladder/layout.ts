// Where each role sits on the canvas. Pure: no DOM, no cytoscape, so it is tested in Node.
import type { LadderEdge, LadderNode } from './types';

export const ROW_GAP = 92;
export const COLUMN_GAP = 225;

export interface Position {
  x: number;
  y: number;
}

interface Placed {
  node: LadderNode;
  /** The node's place in the answer: ties keep the server's order. */
  index: number;
}

function compareFamilyThenIndex(a: Placed, b: Placed): number {
  const slugA = a.node.family.slug;
  const slugB = b.node.family.slug;
  return slugA < slugB ? -1 : slugA > slugB ? 1 : a.index - b.index;
}

/** Distinct grades, highest first; the rows of the drawing in order, with one more for "no grade". */
function rowsByGrade(nodes: LadderNode[]): Placed[][] {
  const grades = [...new Set(nodes.flatMap((node) => (node.grade === null ? [] : [node.grade])))].sort((a, b) => b - a);
  const rows: Placed[][] = [];
  nodes.forEach((node, index) => {
    const r = node.grade === null ? grades.length : grades.indexOf(node.grade);
    (rows[r] ??= []).push({ node, index });
  });
  // A ladder with no ungraded role leaves the last slot empty; a sparse array would keep the hole.
  return rows.filter(Boolean).map((row) => row.sort(compareFamilyThenIndex));
}

function neighboursOf(edges: LadderEdge[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.from.id, edge.to.id);
    link(edge.to.id, edge.from.id);
  }
  return neighbours;
}

/**
 * Positions: one row per distinct grade, highest grade on top, roles without a grade at the
 * bottom. Inside a row, roles start in family order, then two barycentre sweeps (down, up) pull
 * each family's roles under or over their neighbours in other rows so fewer edges cross.
 * `edges` must only join ids among `nodes`.
 */
export function gradeRowPositions(nodes: LadderNode[], edges: LadderEdge[]): Record<string, Position> {
  const rows = rowsByGrade(nodes);
  const neighbours = neighboursOf(edges);
  const x = new Map<string, number>();
  const place = (row: Placed[]): void => {
    row.forEach((item, i) => x.set(item.node.id, (i - (row.length - 1) / 2) * COLUMN_GAP));
  };
  rows.forEach(place);
  const rowIndexOf = new Map<string, number>();
  rows.forEach((row, r) => row.forEach((item) => rowIndexOf.set(item.node.id, r)));

  // A family's roles in one row stay side by side in level order, so the dashed "next level"
  // edge between same-grade roles joins neighbours instead of running behind a third box.
  const sweep = (row: Placed[], r: number): Placed[] => {
    const groups = new Map<string, { items: Placed[]; sum: number; first: number }>();
    for (const item of row) {
      const near = (neighbours.get(item.node.id) ?? []).filter((id) => rowIndexOf.get(id) !== r);
      const key = near.length ? near.reduce((acc, id) => acc + x.get(id)!, 0) / near.length : x.get(item.node.id)!;
      const slug = item.node.family.slug;
      let group = groups.get(slug);
      if (!group) {
        group = { items: [], sum: 0, first: groups.size };
        groups.set(slug, group);
      }
      group.items.push(item);
      group.sum += key;
    }
    const ordered = [...groups.values()]
      .map((group) => ({ items: group.items.sort((a, b) => a.index - b.index), key: group.sum / group.items.length, first: group.first }))
      .sort((a, b) => a.key - b.key || a.first - b.first);
    const sorted = ordered.flatMap((group) => group.items);
    place(sorted);
    return sorted;
  };
  for (let r = 1; r < rows.length; r++) rows[r] = sweep(rows[r]!, r);
  for (let r = rows.length - 2; r >= 0; r--) rows[r] = sweep(rows[r]!, r);

  const positions: Record<string, Position> = {};
  rows.forEach((row, r) => row.forEach((item) => (positions[item.node.id] = { x: x.get(item.node.id)!, y: r * ROW_GAP })));
  return positions;
}
