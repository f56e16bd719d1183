// Client of the /ladder page. The address bar holds the view (views.ts): the departments, a
// department's families, a family's or a role's roles, optionally compared between two refs. Each
// view asks rolegraph's GraphQL endpoint for its ladder and draws it with cytoscape beside a list of
// the same boxes; opening a box pushes the next view onto the history, so Back works and every view
// can be linked. Served as one bundled file (scripts/buildWeb.js) under a CSP without
// 'unsafe-inline'; it leaves no globals behind: tests read the drawing from the DOM and cytoscape's own state.
import type cytoscape from 'cytoscape';
import { boxesOf, type Box } from './boxes';
import { byId } from './dom';
import { draw } from './graph';
import { LadderError, postGraphql } from './graphqlClient';
import { listBoxes, wireListToggle } from './list';
import { LADDER_QUERY } from './operations';
import { departmentColours } from './palette';
import { clearError, listDepartments, loadDepartments, offerExports, showError, showTrail } from './panels';
import { fillForm, readParams } from './params';
import { wireSearch } from './search';
import { describe } from './text';
import type { Ladder, LadderParams } from './types';
import { refsOf, searchOf, trailOf, variablesFor, viewKind } from './views';

let current: cytoscape.Core | null = null;
/** Counts draws, so the answer of a view the reader has already left is dropped. */
let drawing = 0;

function hrefOf(params: Partial<LadderParams>): string {
  const search = searchOf(params);
  return search ? `/ladder?${search}` : '/ladder';
}

/** The view a box opens, keeping the refs; in a ladder of roles, a collapsed family or department expands in place. */
function nextParams(params: LadderParams, box: Box): Partial<LadderParams> {
  const kind = viewKind(params);
  const inPlace = box.kind === 'family' ? box.opens.family : box.kind === 'department' ? box.opens.department : null;
  if (inPlace && (kind === 'role' || kind === 'departmentRoles')) return { ...params, expand: [...(params.expand ?? []), inPlace] };
  return { ...refsOf(params), ...box.opens };
}

function open(target: Partial<LadderParams>): void {
  window.history.pushState(null, '', hrefOf(target));
  void show(readParams());
}

async function show(params: LadderParams): Promise<void> {
  const ticket = ++drawing;
  document.body.dataset.state = 'loading';
  fillForm(params);
  clearError();
  const render = window.cytoscape;
  if (typeof render !== 'function') throw new LadderError('NO_RENDERER', 'cytoscape did not load from /assets/cytoscape.min.js.');
  const body = await postGraphql<{ ladder: Ladder | null }>(LADDER_QUERY, variablesFor(params));
  if (ticket !== drawing) return;
  const first = body.errors?.[0];
  if (first) throw new LadderError(first.extensions?.code || 'GRAPHQL_ERROR', first.message || 'GraphQL error');
  const ladder = body.data?.ladder;
  if (!ladder) throw new LadderError('NOT_FOUND', 'No ladder in the answer.');
  const { boxes, links } = boxesOf(ladder);
  const palette = departmentColours(boxes.map((box) => box.department));
  current?.destroy();
  const focus = params.role ? (ladder.nodes.find((node) => node.key === params.role)?.id ?? null) : null;
  current = draw(render, boxes, links, palette, focus, (box) => open(nextParams(params, box)));
  listBoxes(boxes, (box) => hrefOf(nextParams(params, box)), (box) => open(nextParams(params, box)));
  listDepartments(palette);
  offerExports(ladder);
  const familyTitle = params.family ? (ladder.nodes.find((node) => node.family.slug === params.family)?.family.title ?? null) : null;
  showTrail(trailOf(params, familyTitle), (crumb) => hrefOf(crumb.params), (crumb) => open(crumb.params));
  byId('ladder-summary').textContent = ladder.changeSummary != null ? `Changes since ${params.from}: ${ladder.changeSummary}` : '';
  byId('ladder-status').textContent = boxes.length ? describe(params, ladder) : 'No roles match these filters.';
  document.body.dataset.state = 'ready';
}

function start(): void {
  wireListToggle();
  wireSearch(() => readParams().to ?? readParams().at, open);
  window.addEventListener('popstate', () => void show(readParams()).catch(showError));
  show(readParams()).catch(showError);
  void loadDepartments();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
