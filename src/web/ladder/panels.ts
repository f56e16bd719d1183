// Everything around the graph: legend, status line, error box, exports, department suggestions.
// User-supplied text reaches the DOM through textContent, attributes and URLSearchParams only.
import { byId } from './dom';
import type { NodeData } from './graph';
import { LadderError, postGraphql } from './graphqlClient';
import { DEPARTMENTS_QUERY } from './operations';
import type { FamilyPalette } from './palette';
import { readParams } from './params';
import type { Ladder } from './types';

export function listFamilies(palette: FamilyPalette): void {
  const list = byId('legend-families');
  list.replaceChildren();
  for (const slug of palette.slugs) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch family';
    swatch.style.backgroundColor = palette.colours[slug]!;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(` ${palette.titles[slug] || slug}`));
    li.title = slug;
    list.appendChild(li);
  }
}

/** The tapped role's details, with a link that redraws the ladder around it at the same ref. */
export function showRole(data: NodeData): void {
  const params = readParams();
  const next = new URLSearchParams();
  next.set('role', data.key);
  if (params.at) next.set('at', params.at);
  const status = byId('ladder-status');
  status.replaceChildren();
  status.appendChild(document.createTextNode(`${data.label} — ${data.key} `));
  const link = document.createElement('a');
  link.href = `/ladder?${next.toString()}`;
  link.textContent = 'ladder around this role';
  status.appendChild(link);
}

/** The Mermaid and DOT text on the page and as downloads (blob: URLs, which the CSP allows for images and links only). */
export function offerExports(ladder: Ladder): void {
  byId('ladder-mermaid').textContent = ladder.mermaid;
  byId('ladder-dot').textContent = ladder.dot;
  const link = (id: string, text: string, type: string): void => {
    const anchor = byId<HTMLAnchorElement>(id);
    if (anchor.href.startsWith('blob:')) URL.revokeObjectURL(anchor.href);
    anchor.href = URL.createObjectURL(new Blob([text], { type }));
  };
  link('export-mermaid', ladder.mermaid, 'text/plain;charset=utf-8');
  link('export-dot', ladder.dot, 'text/vnd.graphviz;charset=utf-8');
}

/** Shows `CODE: message`; body[data-state], body[data-error-code] let a reader (or a test) tell the outcome apart. */
export function showError(error: unknown): void {
  const code = error instanceof LadderError ? error.code : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  const box = byId('ladder-error');
  box.textContent = `${code}: ${message}`;
  box.hidden = false;
  byId('ladder-status').textContent = 'Could not draw the ladder.';
  document.body.dataset.errorCode = code;
  document.body.dataset.state = 'error';
}

interface DepartmentsAnswer {
  families: { edges: Array<{ node: { department: string | null } }> } | null;
}

/** Fills the department field's suggestions; the page works without them, so failures stay silent. */
export async function loadDepartments(): Promise<void> {
  try {
    const body = await postGraphql<DepartmentsAnswer>(DEPARTMENTS_QUERY, {});
    const list = byId('departments');
    const seen = new Set<string>();
    for (const edge of body.data?.families?.edges ?? []) {
      const name = edge.node.department;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      const option = document.createElement('option');
      option.value = name;
      list.appendChild(option);
    }
  } catch {
    // Suggestions only.
  }
}
