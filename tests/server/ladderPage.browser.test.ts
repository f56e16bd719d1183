// The /ladder page in headless Chromium against a real server: the real indexer over a git
// repository built from the seeds. The drawn graph must be exactly what the GraphQL `ladder`
// query answers, no request may leave 127.0.0.1, and a bad ref must show its code on the page.
import type { Browser, Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../helpers/browserServer';
import { seed } from '../helpers/makeRepo';
import { SEED_PATHS } from '../helpers/snapshotOf';

// The project compiles without DOM types (lib ES2022). Functions passed to page.evaluate run in the
// browser, where this is the real global; declared here, module-scoped, so nothing leaks.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const location: { search: string };

// The page leaves no global handle on its graph. Cytoscape itself records the instance it draws on
// its container (`container._cyreg.cy`, how it finds an old instance to destroy when a new one is
// created there), so the tests read the drawn graph from the page's #ladder-graph element. Inside
// page.evaluate (serialised into the browser) this is spelled out as:
//   document.getElementById('ladder-graph')._cyreg?.cy

const LADDER_QUERY = /* GraphQL */ `
  query ($department: String, $role: ID, $at: String) {
    ladder(department: $department, role: $role, at: $at) {
      nodes { id key title grade family { slug title } }
      edges { from { id } to { id } kind }
      mermaid
      dot
    }
  }
`;

interface LadderAnswer {
  nodes: Array<{ id: string; key: string; title: string; grade: number | null }>;
  edges: Array<{ from: { id: string }; to: { id: string }; kind: string }>;
  mermaid: string;
  dot: string;
}


let served: BrowserServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  // The five real sales families in one commit, at the paths their ladder links name, so there are
  // links between families as well as level order inside them.
  served = await startBrowserServer([{ message: 'Add the sales families', files: Object.fromEntries(Object.entries(SEED_PATHS).map(([name, repoPath]) => [repoPath, seed(name)])) }], 'rolegraph-ladder-page-');
  ({ base, browser } = served);
});

afterAll(async () => {
  await served?.close();
});

async function ladderOverHttp(variables: Record<string, string>): Promise<LadderAnswer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LADDER_QUERY, variables }),
  });
  const body = (await res.json()) as { data?: { ladder: LadderAnswer }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!.ladder;
}

/** A fresh page that records every URL it asks for and every console error (CSP violations land there). */
async function openPage(): Promise<{ page: Page; requests: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { page, requests, consoleErrors };
}

async function waitForDone(page: Page): Promise<string> {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 30_000 });
  return page.evaluate(() => (document.body.dataset.state ?? '') as string);
}

describe('/ladder in a browser', () => {
  it('draws exactly the ladder the GraphQL API answers, ranked by grade, with nothing fetched off-host', async () => {
    const expected = await ladderOverHttp({ department: 'sales' });
    expect(expected.nodes.length).toBeGreaterThan(3);
    expect(expected.edges.some((e) => e.kind === 'LADDER_LINK')).toBe(true);
    expect(expected.edges.some((e) => e.kind === 'LEVEL_ORDER')).toBe(true);

    const { page, requests, consoleErrors } = await openPage();
    try {
      // A department opens on its families; `view=roles` asks for its roles themselves.
      await page.goto(`${base}/ladder?department=sales&view=roles`);
      expect(await waitForDone(page)).toBe('ready');

      const drawn = await page.evaluate(() => {
        const cy = document.getElementById('ladder-graph')._cyreg.cy;
        return {
          // Boxes are the childless nodes: a family's roles sit inside its frame (a compound node).
          ids: cy.nodes(':childless').map((n: any) => n.id()) as string[], // eslint-disable-line @typescript-eslint/no-explicit-any
          edges: cy.edges().map((e: any) => [e.source().id(), e.target().id(), e.data('kind')]) as Array<[string, string, string]>, // eslint-disable-line @typescript-eslint/no-explicit-any
          labels: cy.nodes(':childless').map((n: any) => [n.id(), n.data('label'), n.position('y')]) as Array<[string, string, number]>, // eslint-disable-line @typescript-eslint/no-explicit-any
          field: document.getElementById('field-department').value as string,
          mermaid: (document.getElementById('ladder-mermaid')?.textContent ?? '') as string,
          dot: (document.getElementById('ladder-dot')?.textContent ?? '') as string,
          legend: document.querySelectorAll('#legend-departments li').length as number,
          exportLinks: [document.getElementById('export-mermaid').href, document.getElementById('export-dot').href] as string[],
        };
      });

      const expectedIds = expected.nodes.map((n) => n.id).sort();
      expect([...drawn.ids].sort()).toEqual(expectedIds);
      expect(drawn.edges).toHaveLength(expected.edges.length);
      expect(drawn.edges.map((e) => e.join(' ')).sort()).toEqual(expected.edges.map((e) => `${e.from.id} ${e.to.id} ${e.kind}`).sort());
      expect(drawn.field).toBe('sales');
      expect(drawn.mermaid).toBe(expected.mermaid);
      expect(drawn.dot).toBe(expected.dot);
      expect(drawn.exportLinks.every((href) => href.startsWith('blob:'))).toBe(true);
      // One colour per department (families are framed, not coloured).
      expect(drawn.legend).toBe(new Set(expected.nodes.map((n) => n.key.split('/')[0])).size);

      // Labels read "Title · grade N"; a higher grade is drawn higher (smaller y on screen).
      const byId = new Map(expected.nodes.map((n) => [n.id, n] as const));
      for (const [id, label] of drawn.labels) {
        const role = byId.get(id)!;
        expect(label).toBe(`${role.title} · ${role.grade === null ? 'no grade' : `grade ${role.grade}`}`);
      }
      const graded = drawn.labels.filter(([id]) => byId.get(id)!.grade !== null);
      for (const [a, , ya] of graded) {
        for (const [b, , yb] of graded) {
          if (byId.get(a)!.grade! > byId.get(b)!.grade!) expect(ya).toBeLessThan(yb);
          if (byId.get(a)!.grade === byId.get(b)!.grade) expect(ya).toBe(yb);
        }
      }

      expect(requests.length).toBeGreaterThanOrEqual(4); // page, cytoscape, ladder.js, ladder.css, graphql
      for (const url of requests) expect(new URL(url).host).toBe(new URL(base).host);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('passes role and at through: the ladder around one role at an abbreviated sha', async () => {
    const variables = { role: 'sales/regional-sales-director#director-regional-sales', at: served.repo.head().slice(0, 10) };
    const expected = await ladderOverHttp(variables);
    expect(expected.nodes.map((n) => n.key)).toContain(variables.role);
    const { page } = await openPage();
    try {
      await page.goto(`${base}/ladder?${new URLSearchParams(variables).toString()}`);
      expect(await waitForDone(page)).toBe('ready');
      const drawn = await page.evaluate(() => {
        const cy = document.getElementById('ladder-graph')._cyreg.cy;
        return {
          ids: cy.nodes(':childless').map((n: any) => n.id()) as string[], // eslint-disable-line @typescript-eslint/no-explicit-any
          edges: cy.edges().length as number,
          fields: [document.getElementById('field-role').value, document.getElementById('field-at').value] as string[],
        };
      });
      expect([...drawn.ids].sort()).toEqual(expected.nodes.map((n) => n.id).sort());
      expect(drawn.edges).toBe(expected.edges.length);
      expect(drawn.fields).toEqual([variables.role, variables.at]);
    } finally {
      await page.close();
    }
  });

  it('shows BAD_REF on the page for a ref that does not exist', async () => {
    const { page, requests } = await openPage();
    try {
      await page.goto(`${base}/ladder?department=sales&at=no-such-branch`);
      expect(await waitForDone(page)).toBe('error');
      const shown = await page.evaluate(() => ({
        code: document.body.dataset.errorCode as string | undefined,
        text: (document.getElementById('ladder-error')?.textContent ?? '') as string,
        visible: !document.getElementById('ladder-error').hidden,
        // Nothing drawn: no cytoscape instance on the container, or an empty one.
        drawn: (document.getElementById('ladder-graph')._cyreg?.cy?.nodes().length ?? 0) as number,
      }));
      expect(shown.code).toBe('BAD_REF');
      expect(shown.text).toMatch(/^BAD_REF: /);
      expect(shown.visible).toBe(true);
      expect(shown.drawn).toBe(0);
      for (const url of requests) expect(new URL(url).host).toBe(new URL(base).host);
    } finally {
      await page.close();
    }
  });

  it('draws an empty ladder, not an error, for a department with no roles', async () => {
    const { page } = await openPage();
    try {
      await page.goto(`${base}/ladder?department=no-such-department`);
      expect(await waitForDone(page)).toBe('ready');
      const shown = await page.evaluate(() => ({
        nodes: document.getElementById('ladder-graph')._cyreg.cy.nodes().length as number,
        status: document.getElementById('ladder-status').textContent as string,
        errorHidden: document.getElementById('ladder-error').hidden as boolean,
      }));
      expect(shown).toEqual({ nodes: 0, status: 'No roles match these filters.', errorHidden: true });
    } finally {
      await page.close();
    }
  });

  it('does not execute markup smuggled in the query string', async () => {
    const { page } = await openPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      const evil = '<img src=x onerror=alert(1)>';
      await page.goto(`${base}/ladder?${new URLSearchParams({ department: evil }).toString()}`);
      await waitForDone(page);
      const field = await page.evaluate(() => document.getElementById('field-department').value as string);
      expect(field).toBe(evil);
      expect(await page.evaluate(() => document.querySelectorAll('img').length as number)).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('/ladder navigation', () => {
  it('opens on departments; a department opens on its families; Back returns; the search box jumps to a role', async () => {
    const { page, consoleErrors } = await openPage();
    const list = () => page.evaluate(() => [...document.querySelectorAll('ul[aria-label="Shown on the ladder"] > li')].map((li: any) => li.textContent as string)); // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      await page.goto(`${base}/ladder`);
      expect(await waitForDone(page)).toBe('ready');
      expect(await list()).toEqual(['sales · 5 families · 11 roles']);

      await page.click('#list-toggle'); // the list is visually hidden until asked for
      expect(await page.evaluate(() => document.getElementById('list-toggle').getAttribute('aria-expanded') as string)).toBe('true');
      await page.click('#ladder-list a'); // the department's item opens it, as tapping its box does
      await page.waitForFunction(() => document.body.dataset.state === 'ready' && location.search === '?department=sales', undefined, { timeout: 30_000, polling: 100 });
      expect(await list()).toHaveLength(5);

      await page.goBack();
      await page.waitForFunction(() => document.body.dataset.state === 'ready' && location.search === '' && document.querySelectorAll('#ladder-list li').length === 1, undefined, { timeout: 30_000, polling: 100 });

      await page.fill('#ladder-search', 'SMB Advocate Team Lead');
      await page.press('#ladder-search', 'Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('role') !== null && document.body.dataset.state === 'ready', undefined, { timeout: 30_000, polling: 100 });
      const role = await page.evaluate(() => new URLSearchParams(location.search).get('role') as string);
      expect(role).toBe('sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead');
      expect(await list()).toContain('SMB Advocate Team Lead · grade 6');
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
