// Compare mode of the /ladder page in headless Chromium, on the rename history
// (tests/index/renameHistory.ts) and one more commit that regrades a role, removes one and adds
// one: every changed role, and only those, carries its data-change in the text alternative and
// its mark in the graph; a retitled role is one box; a removed role is drawn as a ghost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../helpers/browserServer';
import { openPage, overlaps, readDrawn, waitForDone, type Drawn } from '../helpers/ladderPage';
import { RENAME_COMMITS, TAM_PATH, TAM_V3 } from '../index/renameHistory';

const MANAGER_SECTION = TAM_V3.slice(TAM_V3.indexOf('## Manager, Customer Success'));
/** The manager's level gives way to a staff level, and the senior role moves up a grade. */
const TAM_V4 = TAM_V3.replace(MANAGER_SECTION, '## Staff Customer Success Manager\n\nThe Staff Customer Success Manager is a grade 9.\n').replace(
  'The Senior Customer Success Manager is a [grade 8]',
  'The Senior Customer Success Manager is a [grade 8.5]',
);

let served: BrowserServer;
let browser: Browser;
let base: string;
let shas: string[];
let shots: string;

beforeAll(async () => {
  expect(MANAGER_SECTION.length).toBeGreaterThan(100);
  expect(TAM_V4).toContain('[grade 8.5]');
  served = await startBrowserServer([...RENAME_COMMITS, { message: 'Staff CSM instead of the manager level; senior CSM regraded', files: { [TAM_PATH]: TAM_V4 } }], 'rolegraph-ladder-compare-');
  ({ browser, base } = served);
  shas = served.repo.git('log', '--reverse', '--format=%H').split('\n');
  shots = process.env.LADDER_SCREENSHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-ladder-shots-'));
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await served?.close();
  // Screenshots are kept only where LADDER_SCREENSHOTS_DIR asked for them.
  if (shots && process.env.LADDER_SCREENSHOTS_DIR === undefined) fs.rmSync(shots, { recursive: true, force: true });
});

async function view(search: string, shot?: string): Promise<Drawn> {
  const { page, consoleErrors } = await openPage(browser);
  try {
    await page.goto(`${base}/ladder${search}`);
    expect(await waitForDone(page)).toBe('ready');
    const drawn = await readDrawn(page);
    expect(drawn.items.map((item) => item.text).sort()).toEqual(drawn.boxes.map((box) => box.label).sort());
    expect(overlaps(drawn)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    if (shot) await page.screenshot({ path: path.join(shots, `${shot}.png`) });
    return drawn;
  } finally {
    await page.close();
  }
}

/** label → data-change of every listed item (null: unchanged). */
function marks(drawn: Drawn): Record<string, string | null> {
  return Object.fromEntries(drawn.items.map((item) => [item.text, item.change]));
}

describe('/ladder compare mode', () => {
  it('marks a retitle as one MOVED box per role, under its new title', async () => {
    const drawn = await view(`?family=sales/technical-account-manager&from=${shas[1]}&to=${shas[2]}`);
    expect(marks(drawn)).toEqual({
      'Customer Success Manager · grade 7 · retitled': 'MOVED',
      'Senior Customer Success Manager · grade 8 · retitled': 'MOVED',
      'Manager, Customer Success · grade 9 · retitled': 'MOVED',
    });
    expect(drawn.boxes.every((box) => box.classes.includes('change-MOVED'))).toBe(true);
    expect(drawn.summary).toBe(`Changes since ${shas[1]}: 3 retitled`);
  });

  it('marks exactly the regraded, added and removed roles; the removed one as a ghost; the unchanged one not at all', async () => {
    const drawn = await view(`?department=sales&view=roles&from=${shas[2]}&to=${shas[5]}`, 'compare');
    expect(marks(drawn)).toEqual({
      'Customer Success Manager · grade 7': null,
      'Senior Customer Success Manager · grade 8.5 · regraded': 'MODIFIED',
      'Staff Customer Success Manager · grade 9 · added': 'ADDED',
      'Manager, Customer Success · grade 9 · removed': 'REMOVED',
    });
    const ghost = drawn.boxes.find((box) => box.label.endsWith('· removed'))!;
    expect(ghost.classes).toEqual(expect.arrayContaining(['ghost', 'change-REMOVED']));
    expect(drawn.summary).toBe(`Changes since ${shas[2]}: 1 added, 1 removed, 1 regraded`);
  });

  it('counts the changes into the department boxes of the overview', async () => {
    const drawn = await view(`?from=${shas[0]}&to=${shas[5]}`);
    expect(marks(drawn)).toEqual({
      'product · 1 family · 1 role · 1 changed': 'MODIFIED',
      'sales · 1 family · 3 roles · 4 changed': 'MODIFIED',
    });
  });
});
