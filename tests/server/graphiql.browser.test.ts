// GraphiQL in real headless Chromium against a real server over a real git repository: the page
// loads only our own files, runs its preloaded query and shows a role title; nothing leaves
// 127.0.0.1 and the CSP is never violated. Chromium missing is a failure, not a skip: CI installs it.
import type { Browser, Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../helpers/browserServer';
import { seed } from '../helpers/makeRepo';


let served: BrowserServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  served = await startBrowserServer([{ message: 'Add High Velocity Sales', files: { 'content/job-families/sales/high-velocity-sales-and-first-orders.md': seed('high-velocity-sales-and-first-orders.md') } }], 'rolegraph-graphiql-');
  ({ base, browser } = served);
}, 120_000);

afterAll(async () => {
  await served?.close();
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
