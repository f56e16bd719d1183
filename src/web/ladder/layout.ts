// Where each box sits on the canvas. Pure: no DOM, no cytoscape, so it is tested in Node.
// Boxes sit in layers by grade, highest on top. A box without a grade takes a layer between the
// grades of the boxes it links to (never the bottom row by default). Roles of one family share a
// column band (the page frames it), families side by side, wrapped onto shelves so a wide view
// stays readable; summary boxes (no family band) fill their layer in rows of at most MAX_COLUMNS.

export const ROW_GAP = 92;
export const COLUMN_GAP = 225;
/** Extra room between two families' bands, for their frames. */
export const FAMILY_GAP = 45;
/** Extra room between shelves, for the frames' titles. */
export const SHELF_GAP = 70;
/** Columns on one shelf, or summary boxes on one row. */
export const MAX_COLUMNS = 8;

export interface Position {
  x: number;
  y: number;
}

export interface LayoutBox {
  id: string;
  grade: number | null;
  /** Boxes with the same band (a family slug) stand together; a box alone uses its own id. */
  band: string;
}

export interface LayoutLink {
  /** The lower end. */
  from: string;
  /** The upper end. */
  to: string;
}

/**
 * The layer of every box: its grade, or for one without, between the nearest layers it links to
 * (below: links into it; above: links out of it), repeated so chains of ungraded boxes follow.
 * Boxes linked to nothing graded sit half a layer above the lowest grade drawn, one layer per step
 * along their own links.
 */
export function layerOf(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Map<string, number> {
  const rank = new Map<string, number>();
  for (const box of boxes) if (box.grade !== null) rank.set(box.id, box.grade);
  const below = new Map<string, string[]>();
  const above = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const link of links) {
    push(below, link.to, link.from);
    push(above, link.from, link.to);
  }
  const ranked = (ids: readonly string[] | undefined): number[] => (ids ?? []).flatMap((id) => (rank.has(id) ? [rank.get(id)!] : []));
  const open = boxes.filter((box) => box.grade === null);
  for (let changed = true; changed; ) {
    changed = false;
    for (const box of open) {
      if (rank.has(box.id)) continue;
      const lows = ranked(below.get(box.id));
      const highs = ranked(above.get(box.id));
      if (lows.length === 0 && highs.length === 0) continue;
      const lo = lows.length ? Math.max(...lows) : null;
      const hi = highs.length ? Math.min(...highs) : null;
      rank.set(box.id, lo !== null && hi !== null ? (lo + hi) / 2 : lo !== null ? lo + 0.5 : hi! - 0.5);
      changed = true;
    }
  }
  const graded = boxes.flatMap((box) => (box.grade === null ? [] : [box.grade]));
  const base = graded.length ? Math.min(...graded) + 0.5 : 0;
  // Depth along their own links (bounded: ladder links may run in a circle).
  const rest = open.filter((box) => !rank.has(box.id));
  const depth = new Map<string, number>(rest.map((box) => [box.id, 0]));
  for (let pass = 0; pass < rest.length; pass++) {
    let moved = false;
    for (const link of links) {
      const d = depth.get(link.from);
      if (d === undefined || !depth.has(link.to) || depth.get(link.to)! >= d + 1) continue;
      depth.set(link.to, d + 1);
      moved = true;
    }
    if (!moved) break;
  }
  for (const box of rest) rank.set(box.id, base + depth.get(box.id)!);
  return rank;
}

/** Layers present among `ids`, highest first. */
function layersOf(ids: readonly string[], rank: ReadonlyMap<string, number>): number[] {
  return [...new Set(ids.map((id) => rank.get(id)!))].sort((a, b) => b - a);
}

/** Positions for every box; no two boxes share a cell, so boxes no wider than COLUMN_GAP and no taller than ROW_GAP never overlap. */
export function layeredPositions(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Record<string, Position> {
  const rank = layerOf(boxes, links);
  const bands = new Map<string, LayoutBox[]>();
  for (const box of boxes) {
    const band = bands.get(box.band);
    if (band) band.push(box);
    else bands.set(box.band, [box]);
  }
  const positions: Record<string, Position> = {};
  const alone = (band: readonly LayoutBox[]): boolean => band.length === 1 && band[0]!.band === band[0]!.id;
  // Summary views (every box alone) fill rows; any family band present, every box takes a band.
  if ([...bands.values()].every(alone)) placeRows(boxes, rank, positions);
  else placeBands([...bands.values()], rank, positions);
  return positions;
}

/** Families as column bands: a band is as wide as its widest layer; bands fill shelves of MAX_COLUMNS columns. */
function placeBands(bands: readonly LayoutBox[][], rank: ReadonlyMap<string, number>, positions: Record<string, Position>): void {
  const widthOf = (band: readonly LayoutBox[]): number => {
    const perLayer = new Map<number, number>();
    for (const box of band) perLayer.set(rank.get(box.id)!, (perLayer.get(rank.get(box.id)!) ?? 0) + 1);
    return Math.max(...perLayer.values());
  };
  const shelves: Array<Array<{ band: readonly LayoutBox[]; width: number }>> = [[]];
  let used = 0;
  for (const band of bands) {
    const width = widthOf(band);
    if (used > 0 && used + width > MAX_COLUMNS) {
      shelves.push([]);
      used = 0;
    }
    shelves[shelves.length - 1]!.push({ band, width });
    used += width;
  }
  let y = 0;
  shelves.forEach((shelf, s) => {
    if (s > 0) y += SHELF_GAP;
    const layers = layersOf(shelf.flatMap(({ band }) => band.map((box) => box.id)), rank);
    const span = shelf.reduce((sum, { width }) => sum + width * COLUMN_GAP, 0) + (shelf.length - 1) * FAMILY_GAP - COLUMN_GAP;
    let left = -span / 2;
    for (const { band, width } of shelf) {
      const filled = new Map<number, number>();
      for (const box of band) {
        const layer = rank.get(box.id)!;
        const column = filled.get(layer) ?? 0;
        filled.set(layer, column + 1);
        positions[box.id] = { x: left + column * COLUMN_GAP, y: y + layers.indexOf(layer) * ROW_GAP };
      }
      left += width * COLUMN_GAP + FAMILY_GAP;
    }
    y += layers.length * ROW_GAP;
  });
}

/** Boxes without a band: one row per layer, wrapped every MAX_COLUMNS boxes, each row centred. */
function placeRows(boxes: readonly LayoutBox[], rank: ReadonlyMap<string, number>, positions: Record<string, Position>): void {
  let y = 0;
  for (const layer of layersOf(boxes.map((box) => box.id), rank)) {
    const row = boxes.filter((box) => rank.get(box.id) === layer);
    for (let start = 0; start < row.length; start += MAX_COLUMNS) {
      const line = row.slice(start, start + MAX_COLUMNS);
      line.forEach((box, i) => (positions[box.id] = { x: (i - (line.length - 1) / 2) * COLUMN_GAP, y }));
      y += ROW_GAP;
    }
  }
}
