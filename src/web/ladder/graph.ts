// Draws the boxes with cytoscape, loaded by its own <script> tag from /assets/cytoscape.min.js
// (so it is not bundled here): positions from layout.ts, roles framed per family (compound
// nodes), one fill colour per department, compare-mode marks, and labels hidden while too small
// to read (min-zoomed-font-size), shown again as the reader zooms in.
import type cytoscape from 'cytoscape';
import type { Box, Link } from './boxes';
import { byId } from './dom';
import { layeredPositions } from './layout';
import type { DepartmentPalette } from './palette';

declare global {
  interface Window {
    cytoscape?: typeof cytoscape;
  }
}

/** Label size in model units; READABLE_ZOOM keeps it at 10 px or more on screen. */
export const FONT_SIZE = 14;
export const READABLE_ZOOM = 10 / FONT_SIZE;

const CY_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 205,
      height: 66,
      'background-color': 'data(colour)',
      'border-width': 1,
      'border-color': '#1f2937',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '192px',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': FONT_SIZE,
      'min-zoomed-font-size': 8,
      'font-family': 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
      color: '#111827',
    },
  },
  { selector: 'node.department, node.family', style: { shape: 'rectangle', 'border-width': 2, 'font-weight': 'bold' } },
  {
    selector: 'node.frame',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f1f5f9',
      'background-opacity': 0.6,
      'border-color': '#94a3b8',
      'border-width': 1,
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'font-size': 13,
      'font-weight': 'bold',
      color: '#334155',
      padding: '14px',
    },
  },
  { selector: 'node.ghost', style: { opacity: 0.5, 'border-style': 'dashed', 'border-width': 2, 'background-color': '#f3f4f6' } },
  { selector: 'node.change-ADDED', style: { 'border-width': 4, 'border-color': '#15803d' } },
  { selector: 'node.change-MODIFIED', style: { 'border-width': 4, 'border-color': '#c2410c' } },
  { selector: 'node.change-MOVED', style: { 'border-width': 4, 'border-color': '#1d4ed8', 'border-style': 'double' } },
  { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#1d4ed8' } },
  { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 1.1 } },
  { selector: 'edge.LADDER_LINK', style: { width: 2.5, 'line-color': '#c2410c', 'target-arrow-color': '#c2410c', 'line-style': 'solid' } },
  {
    selector: 'edge.LEVEL_ORDER',
    style: { width: 1.8, 'line-color': '#475569', 'target-arrow-color': '#475569', 'line-style': 'dashed', 'line-dash-pattern': [7, 4] },
  },
  { selector: 'edge.summary', style: { opacity: 0.3, width: 'mapData(count, 1, 20, 1.2, 5)' } },
];

/** Frame id of a family's roles. */
function frameId(slug: string): string {
  return `frame:${slug}`;
}

/** Draws the boxes into #ladder-graph; `onTap` gets the tapped box (frames are not boxes). */
export function draw(render: typeof cytoscape, boxes: readonly Box[], links: readonly Link[], palette: DepartmentPalette, focus: string | null, onTap: (box: Box) => void): cytoscape.Core {
  const ids = new Set(boxes.map((box) => box.id));
  // A link whose end is not among the boxes cannot be drawn (cytoscape would throw); count it.
  const drawable = links.filter((link) => ids.has(link.from) && ids.has(link.to));
  document.body.dataset.skippedEdges = String(links.length - drawable.length);
  const positions = layeredPositions(boxes, drawable);
  const elements: cytoscape.ElementDefinition[] = [];
  const frames = new Map<string, string>();
  for (const box of boxes) if (box.familyTitle !== null && !frames.has(box.band)) frames.set(box.band, box.familyTitle);
  for (const [slug, title] of frames) elements.push({ group: 'nodes', data: { id: frameId(slug), label: title, colour: '#f1f5f9' }, classes: 'frame', selectable: false });
  const byBoxId = new Map(boxes.map((box) => [box.id, box] as const));
  for (const box of boxes) {
    const classes = [box.kind, ...(box.change ? [`change-${box.change}`] : [])].join(' ');
    const data = { id: box.id, label: box.label, colour: palette.colours[box.department] ?? '#e5e7eb', ...(box.familyTitle !== null ? { parent: frameId(box.band) } : {}) };
    elements.push({ group: 'nodes', data, position: positions[box.id], classes });
  }
  for (const link of drawable) {
    elements.push({ group: 'edges', data: { id: link.id, source: link.from, target: link.to, kind: link.kind, count: link.count }, classes: link.summary ? `${link.kind} summary` : link.kind });
  }
  const cy = render({
    container: byId('ladder-graph'),
    elements,
    style: CY_STYLE,
    layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.05,
    maxZoom: 2.5,
    autoungrabify: true,
    boxSelectionEnabled: false,
  });
  if (focus) cy.getElementById(focus).select();
  readableView(cy, focus);
  cy.on('tap', 'node', (event) => {
    const box = byBoxId.get(event.target.id() as string);
    if (box) onTap(box);
  });
  return cy;
}

/**
 * Fit everything when that keeps labels readable; otherwise zoom to READABLE_ZOOM, centred on the
 * focus box (the role asked for) or on the top of the drawing, and let the reader pan or zoom out.
 */
function readableView(cy: cytoscape.Core, focus: string | null): void {
  if (cy.elements().empty() || cy.zoom() >= READABLE_ZOOM) return;
  const target = focus ? cy.getElementById(focus) : null;
  const all = cy.elements().boundingBox({});
  cy.zoom(READABLE_ZOOM);
  const x = target && target.nonempty() ? target.position('x') : (all.x1 + all.x2) / 2;
  const yTop = target && target.nonempty() ? target.position('y') - cy.height() / (2 * READABLE_ZOOM) : all.y1 - 30 / READABLE_ZOOM;
  cy.pan({ x: cy.width() / 2 - x * READABLE_ZOOM, y: -yTop * READABLE_ZOOM });
}
