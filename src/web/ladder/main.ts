// Client of the /ladder page: reads department / role / at from the URL, asks rolegraph's GraphQL
// endpoint for the ladder, and draws it with cytoscape, one row per grade (highest on top).
// Served as one bundled file (scripts/buildWeb.js) under a CSP without 'unsafe-inline'; it leaves
// no globals behind: tests read the drawing from the DOM and cytoscape's own state.
import type cytoscape from 'cytoscape';
import { byId } from './dom';
import { draw } from './graph';
import { LadderError, postGraphql } from './graphqlClient';
import { LADDER_QUERY } from './operations';
import { familyColours } from './palette';
import { listFamilies, loadDepartments, offerExports, showError, showRole } from './panels';
import { fillForm, readParams } from './params';
import { describe } from './text';
import type { Ladder, LadderParams } from './types';

async function drawLadder(render: typeof cytoscape, params: LadderParams): Promise<void> {
  const body = await postGraphql<{ ladder: Ladder | null }>(LADDER_QUERY, params);
  const first = body.errors?.[0];
  if (first) throw new LadderError(first.extensions?.code || 'GRAPHQL_ERROR', first.message || 'GraphQL error');
  const ladder = body.data?.ladder;
  if (!ladder) throw new LadderError('NOT_FOUND', 'No ladder in the answer.');
  const palette = familyColours(ladder.nodes);
  draw(render, ladder, palette, showRole);
  listFamilies(palette);
  offerExports(ladder);
  byId('ladder-status').textContent = ladder.nodes.length ? describe(params, ladder) : 'No roles match these filters.';
  document.body.dataset.state = 'ready';
}

function start(): void {
  const params = readParams();
  fillForm(params);
  const render = window.cytoscape;
  if (typeof render !== 'function') {
    showError(new LadderError('NO_RENDERER', 'cytoscape did not load from /assets/cytoscape.min.js.'));
    return;
  }
  drawLadder(render, params).catch(showError);
  void loadDepartments();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
