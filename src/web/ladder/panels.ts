// Everything around the graph: legend, trail, status line, error box, exports, department suggestions.
// User-supplied text reaches the DOM through textContent, attributes and URLSearchParams only.
import { byId } from './dom';
import { LadderError, postGraphql } from './graphqlClient';
import { DEPARTMENTS_QUERY } from './operations';
import type { DepartmentPalette } from './palette';
import type { Crumb } from './views';
import type { Ladder } from './types';

export function listDepartments(palette: DepartmentPalette): void {
  const list = byId('legend-departments');
  list.replaceChildren();
  for (const name of palette.departments) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch department';
    swatch.style.backgroundColor = palette.colours[name]!;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(` ${name}`));
    list.appendChild(li);
  }
}

/** The way back up, as links that open their view without a reload. */
export function showTrail(trail: readonly Crumb[], hrefOf: (crumb: Crumb) => string, open: (crumb: Crumb) => void): void {
  const nav = byId('ladder-trail');
  nav.replaceChildren();
  trail.forEach((crumb, i) => {
    if (i > 0) nav.appendChild(document.createTextNode(' › '));
    if (i === trail.length - 1) {
      const here = document.createElement('span');
      here.setAttribute('aria-current', 'page');
      here.textContent = crumb.label;
      nav.appendChild(here);
      return;
    }
    const link = document.createElement('a');
    link.href = hrefOf(crumb);
    link.textContent = crumb.label;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open(crumb);
    });
    nav.appendChild(link);
  });
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

export function clearError(): void {
  byId('ladder-error').hidden = true;
  delete document.body.dataset.errorCode;
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
