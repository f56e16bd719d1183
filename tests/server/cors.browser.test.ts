// CORS as a browser enforces it: a page served by a tiny http server on another loopback port
// POSTs a query to rolegraph with fetch (a JSON body, so Chromium sends a preflight first) and
// writes what it got into the DOM. The origin named in ROLEGRAPH_CORS_ORIGINS reads the answer;
// a page on any other origin sees its fetch reject.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startHttpServer, type HttpTestServer } from '../helpers/httpServer';
import { seed } from '../helpers/makeRepo';

const VP_ROLE = 'sales/vp-of-commercial-sales#vp-of-commercial-sales';

/** Reads the rolegraph URL from the page's hash, so the page itself is a constant. */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>frontend</title></head>
<body><pre id="out">pending</pre>
<script>
fetch(location.hash.slice(1), {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ role(id: "${VP_ROLE}") { title grade } }' }),
})
  .then((res) => res.json())
  .then((json) => { document.getElementById('out').textContent = 'answer:' + JSON.stringify(json); })
  .catch((err) => { document.getElementById('out').textContent = 'rejected:' + err.name; });
</script></body></html>`;

function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ origin, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

let allowed: Awaited<ReturnType<typeof startPageServer>>;
let refused: Awaited<ReturnType<typeof startPageServer>>;
let t: HttpTestServer;
let browser: Browser;

beforeAll(async () => {
  allowed = await startPageServer();
  refused = await startPageServer();
  t = await startHttpServer([{ message: 'Add VP of Commercial Sales', files: { 'content/job-families/sales/vp-of-commercial-sales.md': seed('vp-of-commercial-sales.md') } }], {
    ROLEGRAPH_CORS_ORIGINS: allowed.origin,
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await allowed?.close();
  await refused?.close();
});

async function runPage(origin: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/#${t.base}/graphql`);
    await page.waitForFunction("document.getElementById('out').textContent !== 'pending'");
    return (await page.textContent('#out')) ?? '';
  } finally {
    await page.close();
  }
}

it('lets the page of the allowed origin read the answer', async () => {
  expect(await runPage(allowed.origin)).toBe(`answer:${JSON.stringify({ data: { role: { title: 'VP of Commercial Sales', grade: 12 } } })}`);
}, 30_000);

it('makes the fetch of any other origin reject', async () => {
  expect(refused.origin).not.toBe(allowed.origin);
  expect(await runPage(refused.origin)).toBe('rejected:TypeError');
}, 30_000);
