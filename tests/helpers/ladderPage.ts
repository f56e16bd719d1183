// Reading the /ladder page in a browser test: what cytoscape drew (its own state, found through
// the instance it records on its container) and what the text alternative lists, the GraphQL
// answer to compare them with, and the geometry checks every view must pass.
import type { Browser, Page } from 'playwright-core';

// The project compiles without DOM types (lib ES2022). Functions passed to page.evaluate run in the
// browser, where this is the real global; declared here, module-scoped, so nothing leaks.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnBox {
  id: string;
  label: string;
  classes: string[];
  /** Model coordinates, label included. */
  box: Rect;
  parent: string | null;
  /** On screen at the current zoom. */
  fontPx: number;
}

export interface Drawn {
  boxes: DrawnBox[];
  frames: Array<{ id: string; label: string; box: Rect }>;
  edges: number;
  /** The text alternative: `ul[aria-label="Shown on the ladder"] > li`. */
  items: Array<{ text: string; change: string | null }>;
  listHidden: boolean;
  zoom: number;
  status: string;
  summary: string;
}

/** A fresh page that records every console error (CSP violations land there). */
export async function openPage(browser: Browser): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { page, consoleErrors };
}

/** Waits (polling, generous under load) until the page has drawn or failed; answers which. */
export async function waitForDone(page: Page, timeout = 60_000): Promise<string> {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout, polling: 100 });
  return page.evaluate(() => (document.body.dataset.state ?? '') as string);
}

export function readDrawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const cy = document.getElementById('ladder-graph')._cyreg.cy;
    const rect = (bb: Rect): Rect => ({ x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 });
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const boxes = cy.nodes(':childless').map((n: any) => ({
      id: n.id(),
      label: n.data('label'),
      classes: n.classes(),
      box: rect(n.boundingBox({ includeLabels: true, includeOverlays: false })),
      parent: n.isChild() ? n.parent().id() : null,
      fontPx: parseFloat(n.renderedStyle('font-size')),
    }));
    const frames = cy.nodes(':parent').map((n: any) => ({ id: n.id(), label: n.data('label'), box: rect(n.boundingBox({ includeLabels: true, includeOverlays: false })) }));
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const list = document.querySelector('ul[aria-label="Shown on the ladder"]');
    const items = [...list.querySelectorAll(':scope > li')].map((li: any) => ({ text: li.textContent, change: li.dataset.change ?? null })); // eslint-disable-line @typescript-eslint/no-explicit-any
    const panel = document.getElementById('ladder-list-panel');
    return {
      boxes,
      frames,
      edges: cy.edges().length,
      items,
      listHidden: panel.getBoundingClientRect().width <= 1,
      zoom: cy.zoom(),
      status: document.getElementById('ladder-status').textContent,
      summary: document.getElementById('ladder-summary').textContent,
    };
  });
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Pairs of drawn things that overlap: two boxes, two frames, or a box and a frame it is not in. */
export function overlaps(drawn: Drawn): string[] {
  const found: string[] = [];
  const { boxes, frames } = drawn;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!.box, boxes[j]!.box)) found.push(`${boxes[i]!.label} / ${boxes[j]!.label}`);
    for (const frame of frames) if (boxes[i]!.parent !== frame.id && intersects(boxes[i]!.box, frame.box)) found.push(`${boxes[i]!.label} / frame ${frame.label}`);
  }
  for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) if (intersects(frames[i]!.box, frames[j]!.box)) found.push(`frame ${frames[i]!.label} / frame ${frames[j]!.label}`);
  return found;
}

/** POSTs one operation to the served endpoint; fails the test on any GraphQL error. */
export async function graphql<T>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!;
}
