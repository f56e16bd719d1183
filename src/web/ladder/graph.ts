// Draws the ladder with cytoscape, loaded by its own <script> tag from /assets/cytoscape.min.js
// (so it is not bundled here): one row per grade from gradeRowPositions, one colour per family.
import type cytoscape from 'cytoscape';
import { byId } from './dom';
import { gradeRowPositions } from './layout';
import type { FamilyPalette } from './palette';
import { nodeLabel } from './text';
import type { Ladder } from './types';

declare global {
  interface Window {
    cytoscape?: typeof cytoscape;
  }
}

/** What a node carries; showRole reads it back when the node is tapped. */
export interface NodeData {
  id: string;
  /** The role's readable key (`id` is its global id): what the address bar's `role` takes. */
  key: string;
  label: string;
  grade: number | null;
  family: string;
  colour: string;
}

const CY_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 205,
      height: 60,
      'background-color': 'data(colour)',
      'border-width': 1,
      'border-color': '#1f2937',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '192px',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': 14,
      'font-family': 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
      color: '#111827',
    },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1d4ed8' } },
  {
    selector: 'edge',
    style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 1.1 },
  },
  {
    selector: 'edge.LADDER_LINK',
    style: { width: 2.5, 'line-color': '#c2410c', 'target-arrow-color': '#c2410c', 'line-style': 'solid' },
  },
  {
    selector: 'edge.LEVEL_ORDER',
    style: { width: 1.8, 'line-color': '#475569', 'target-arrow-color': '#475569', 'line-style': 'dashed', 'line-dash-pattern': [7, 4] },
  },
];

/** Draws `ladder` into #ladder-graph; `onTap` gets the data of a tapped role. */
export function draw(render: typeof cytoscape, ladder: Ladder, palette: FamilyPalette, onTap: (data: NodeData) => void): cytoscape.Core {
  const ids = new Set(ladder.nodes.map((node) => node.id));
  // An edge whose end is not among the nodes cannot be drawn (cytoscape would throw); count it.
  const drawable = ladder.edges.filter((edge) => ids.has(edge.from.id) && ids.has(edge.to.id));
  document.body.dataset.skippedEdges = String(ladder.edges.length - drawable.length);
  const positions = gradeRowPositions(ladder.nodes, drawable);
  const elements: cytoscape.ElementDefinition[] = ladder.nodes.map((node) => {
    const data: NodeData = { id: node.id, key: node.key, label: nodeLabel(node), grade: node.grade, family: node.family.slug, colour: palette.colours[node.family.slug]! };
    return { group: 'nodes', data, position: positions[node.id] };
  });
  drawable.forEach((edge, i) => {
    elements.push({ group: 'edges', data: { id: `edge-${i}`, source: edge.from.id, target: edge.to.id, kind: edge.kind }, classes: edge.kind });
  });
  const cy = render({
    container: byId('ladder-graph'),
    elements,
    style: CY_STYLE,
    layout: { name: 'preset', fit: true, padding: 30 },
    minZoom: 0.2,
    maxZoom: 2.5,
    autoungrabify: false,
    boxSelectionEnabled: false,
  });
  cy.on('tap', 'node', (event) => onTap(event.target.data() as NodeData));
  return cy;
}
