// The /ladder page at handbook scale, in headless Chromium: a generated handbook of 1,500 job
// families (bench/generate.ts, seeded). Every view must draw at most about MAX_BOXES boxes, the same
// boxes its text alternative lists, with no two overlapping and labels readable at the default
// zoom; the department, family and role views must show what the GraphQL API answers.
// Screenshots of each view go to LADDER_SCREENSHOTS_DIR (`npm run screenshots`: docs/screenshots).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { generateHandbook } from '../../bench/generate';
import { serveRepo, type BrowserServer, type ServedRepo } from '../helpers/browserServer';
import { graphql, openPage, overlaps, readDrawn, waitForDone, type Drawn } from '../helpers/ladderPage';
import { MAX_BOXES } from '../../src/web/ladder/views';

// The project compiles without DOM types; functions passed to page.evaluate run in the browser.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const location: { search: string };

jest.setTimeout(240_000);

let served: BrowserServer<ServedRepo>;
let browser: Browser;
let base: string;
let shots: string;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-ladder-scale-'));
  const generated = await generateHandbook({ dest: path.join(root, 'handbook'), seed: 16, families: 1500, commits: 30 });
  expect(generated.families).toBe(1500);
  served = await serveRepo({ dir: generated.dest, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) }, 'rolegraph-ladder-scale-cache-');
  ({ browser, base } = served);
  shots = process.env.LADDER_SCREENSHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-ladder-shots-'));
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await served?.close();
  // Screenshots are kept only where LADDER_SCREENSHOTS_DIR asked for them.
  if (shots && process.env.LADDER_SCREENSHOTS_DIR === undefined) fs.rmSync(shots, { recursive: true, force: true });
});

/** Opens a view, checks what every view must hold, and answers what was drawn. */
async function view(search: string, shot: string): Promise<Drawn & { ms: number }> {
  const { page, consoleErrors } = await openPage(browser);
  try {
    const started = Date.now();
    await page.goto(`${base}/ladder${search}`);
    expect(await waitForDone(page)).toBe('ready');
    const ms = Date.now() - started;
    const drawn = await readDrawn(page);
    // The text alternative lists exactly the boxes drawn, in words the boxes show; hidden until asked for.
    expect(drawn.items.map((item) => item.text).sort()).toEqual(drawn.boxes.map((box) => box.label).sort());
    expect(drawn.listHidden).toBe(true);
    expect(drawn.boxes.length).toBeLessThanOrEqual(MAX_BOXES);
    expect(overlaps(drawn)).toEqual([]);
    for (const box of drawn.boxes) expect(box.fontPx).toBeGreaterThanOrEqual(9.9);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: path.join(shots, `${shot}.png`) });
    return { ...drawn, ms };
  } finally {
    await page.close();
  }
}

interface Group {
  id: string;
  key: string;
  roleCount: number;
  familyCount: number;
}
const GROUPS = `query ($level: LadderLevel!, $department: String) { ladder(level: $level, department: $department) { groups { id key roleCount familyCount } } }`;
const ROLES = `query ($family: String, $role: ID, $expand: [String!]) { ladder(family: $family, role: $role, collapseAbove: ${MAX_BOXES}, expand: $expand) { nodes { id key title } groups { id kind key } } }`;
interface RoleLadder {
  nodes: Array<{ id: string; key: string }>;
  groups: Array<{ id: string; kind: string; key: string }>;
}

describe('/ladder on a 1,500-family handbook', () => {
  let departments: Group[];

  beforeAll(async () => {
    departments = (await graphql<{ ladder: { groups: Group[] } }>(base, GROUPS, { level: 'DEPARTMENTS' })).ladder.groups;
  });

  it('opens on the departments: one box each, quickly, nothing overlapping', async () => {
    const drawn = await view('', 'overview');
    expect(departments.reduce((sum, d) => sum + d.familyCount, 0)).toBe(1500);
    expect(drawn.boxes.map((box) => box.id).sort()).toEqual(departments.map((d) => d.id).sort());
    expect(drawn.ms).toBeLessThan(30_000);
  });

  it('opens a department on its families, one box per family', async () => {
    const largest = [...departments].sort((a, b) => b.familyCount - a.familyCount)[0]!;
    const families = (await graphql<{ ladder: { groups: Group[] } }>(base, GROUPS, { level: 'FAMILIES', department: largest.key })).ladder.groups;
    expect(families).toHaveLength(largest.familyCount);
    const drawn = await view(`?department=${encodeURIComponent(largest.key)}`, 'department');
    expect(drawn.boxes.map((box) => box.id).sort()).toEqual(families.map((f) => f.id).sort());
    expect(drawn.boxes.every((box) => box.classes.includes('family'))).toBe(true);
  });

  it('opens a family on its roles, framed together', async () => {
    const families = (await graphql<{ ladder: { groups: Group[] } }>(base, GROUPS, { level: 'FAMILIES' })).ladder.groups;
    const biggest = [...families].sort((a, b) => b.roleCount - a.roleCount)[0]!;
    const expected = (await graphql<{ ladder: { nodes: Array<{ id: string }> } }>(base, ROLES, { family: biggest.key })).ladder.nodes;
    expect(expected).toHaveLength(biggest.roleCount);
    const drawn = await view(`?family=${encodeURIComponent(biggest.key)}`, 'family');
    expect(drawn.boxes.map((box) => box.id).sort()).toEqual(expected.map((n) => n.id).sort());
    expect(drawn.frames.map((frame) => frame.id)).toEqual([`frame:${biggest.key}`]);
  });

  it('opens a role on the roles it connects to, families beyond the limit collapsed', async () => {
    const families = (await graphql<{ ladder: { groups: Group[] } }>(base, GROUPS, { level: 'FAMILIES' })).ladder.groups;
    const family = families.find((f) => f.roleCount >= 3)!;
    const role = (await graphql<{ ladder: { nodes: Array<{ key: string }> } }>(base, ROLES, { family: family.key })).ladder.nodes[1]!.key;
    const expected = (await graphql<{ ladder: { nodes: Array<{ id: string }>; groups: Array<{ id: string }> } }>(base, ROLES, { role })).ladder;
    const drawn = await view(`?role=${encodeURIComponent(role)}`, 'role');
    expect(drawn.boxes.map((box) => box.id).sort()).toEqual([...expected.nodes.map((n) => n.id), ...expected.groups.map((g) => g.id)].sort());
  });

  it('expands a collapsed family in place when its item is opened, keeping the role', async () => {
    const families = (await graphql<{ ladder: { groups: Group[] } }>(base, GROUPS, { level: 'FAMILIES' })).ladder.groups;
    // The first role, in a family of several, whose ladder collapses at least one other family.
    let found: { role: string; family: string } | null = null;
    for (const family of families.filter((f) => f.roleCount >= 2).slice(0, 40)) {
      const keys = (await graphql<{ ladder: RoleLadder }>(base, ROLES, { family: family.key })).ladder.nodes.map((n) => n.key);
      for (const role of keys) {
        const collapsed = (await graphql<{ ladder: RoleLadder }>(base, ROLES, { role })).ladder.groups.find((g) => g.kind === 'FAMILY');
        if (collapsed) {
          found = { role, family: collapsed.key };
          break;
        }
      }
      if (found) break;
    }
    expect(found).not.toBeNull();
    const { role, family } = found!;
    const expected = (await graphql<{ ladder: RoleLadder }>(base, ROLES, { role, expand: [family] })).ladder;
    expect(expected.groups.map((g) => g.id)).not.toContain(`family:${family}`);

    const { page, consoleErrors } = await openPage(browser);
    try {
      await page.goto(`${base}/ladder?role=${encodeURIComponent(role)}`);
      expect(await waitForDone(page)).toBe('ready');
      await page.click('#list-toggle');
      // The family's item in the text list opens it as tapping its box does.
      await page.click(`#ladder-list li[data-kind="family"] a[href*="expand=${encodeURIComponent(family)}"]`);
      await page.waitForFunction(
        (slug: string) => document.body.dataset.state === 'ready' && new URLSearchParams(location.search).get('expand') === slug,
        family,
        { timeout: 60_000, polling: 100 },
      );
      const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)) as Record<string, string>);
      expect(params).toEqual({ role, expand: family });
      const drawn = await readDrawn(page);
      expect(drawn.boxes.map((box) => box.id).sort()).toEqual([...expected.nodes.map((n) => n.id), ...expected.groups.map((g) => g.id)].sort());
      expect(drawn.boxes.length).toBeLessThanOrEqual(MAX_BOXES);
      expect(overlaps(drawn)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
