// GraphiQL in real headless Chromium against a real server over a real git repository: the page
// loads only our own files, runs its preloaded query and shows a role title; nothing leaves
// 127.0.0.1 and the CSP is never violated. Chromium missing is a failure, not a skip: CI installs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/main';
import type { Indexer } from '../../src/index/types';
import { launchChromium } from '../helpers/chromium';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';


let repo: TestRepo;
let cacheDir: string;
let indexer: Indexer;
let server: RolegraphServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  repo = makeRepo([{ message: 'Add High Velocity Sales', files: { 'content/job-families/sales/high-velocity-sales-and-first-orders.md': seed('high-velocity-sales-and-first-orders.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-graphiql-'));
  const config = loadConfig({ repo: repo.dir, cacheDir }, {});
  indexer = createIndexerFor(config, repo.dir, pino({ level: 'silent' }));
  await indexer.refresh();
  server = await createServer({ config, indexer, logger: pino({ level: 'silent' }) });
  base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await indexer?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
}

async function open(url: string): Promise<Watched> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(url);
  return { page, requests, problems };
}

it('runs the preloaded query and shows role titles, with everything served from 127.0.0.1', async () => {
  const { page, requests, problems } = await open(`${base}/graphql`);
  try {
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await run.click();
    const result = page.locator('.result-window');
    await result.getByText('SMB Advocate Team Lead').first().waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    expect(text).toContain('"title": "SMB Advocate Team Lead"');
    expect(text).toContain('"grade": 6');

    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(requests).toEqual(expect.arrayContaining([`${base}/assets/graphiql/graphiql.min.js`, `${base}/graphql`]));
    // A CSP violation is reported as a console error; there must be none, nor any script error.
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
});

it('loads ?query= into the editor as text, never as markup', async () => {
  const injected = '{ __typename } # </script><img src=x onerror="window.pwned=1">';
  const { page, problems } = await open(`${base}/graphql?query=${encodeURIComponent(injected)}`);
  try {
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.graphiql-query-editor').getByText('__typename').first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
});
