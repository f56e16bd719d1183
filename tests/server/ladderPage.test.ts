// The /ladder router over real HTTP on 127.0.0.1, without a browser: headers, assets, and that
// nothing from the query string ever reaches the HTML.
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print } from 'graphql';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLadderRouter, escapeHtml, LADDER_PAGE_CSP, ladderPageHtml } from '../../src/server/ladderPage';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(createLadderRouter());
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('GET /ladder', () => {
  it('answers HTML under a strict Content-Security-Policy with no inline script', async () => {
    const res = await fetch(`${base}/ladder?department=sales`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(LADDER_PAGE_CSP);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    // Every script is an external same-origin file; none has a body.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])).toEqual(['/assets/cytoscape.min.js', '/assets/ladder.js']);
    expect(scripts.every((m) => m[2]!.trim() === '')).toBe(true);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(html).not.toMatch(/https?:\/\//); // no CDN, no absolute URL of any kind
    expect(html).toContain('id="ladder-graph"');
    // No hidden copies of the graph for tests to read: they read cytoscape's own state.
    expect(html).not.toContain('id="ladder-nodes"');
  });

  it('never reflects the query string into the page', async () => {
    const evil = '<script>alert(1)</script>';
    const query = new URLSearchParams({ department: evil, role: '"><img src=x onerror=alert(2)>', at: "'; alert(3); '" });
    const res = await fetch(`${base}/ladder?${query.toString()}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('<script>');
    // The page is the same bytes whatever the parameters are.
    const plain = await (await fetch(`${base}/ladder`)).text();
    expect(html).toBe(plain);
  });
});

describe('assets', () => {
  it('serves cytoscape from node_modules as JavaScript', async () => {
    const res = await fetch(`${base}/assets/cytoscape.min.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await res.text();
    expect(body).toBe(fs.readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8'));
  });

  it('serves the page script and stylesheet with their types', async () => {
    const js = await fetch(`${base}/assets/ladder.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const script = await js.text();
    expect(script).toContain('collapseAbove: $collapseAbove');
    // The page sends the LadderPage, LadderDepartments and LadderSearch operations of schema/examples.graphql,
    // which tests/graphql/examples.test.ts runs against the schema, not a copy of its own.
    const examples = parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'examples.graphql'), 'utf8'));
    for (const name of ['LadderPage', 'LadderDepartments', 'LadderSearch']) {
      const operation = examples.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
      expect(operation).toBeDefined();
      expect(script).toContain(JSON.stringify(print(operation!)));
    }
    expect(script).not.toMatch(/\.innerHTML\s*=/);
    // Test hooks stay out of what is served: no global handle on the graph.
    expect(script).not.toContain('__ladder');
    const css = await fetch(`${base}/assets/ladder.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('#ladder-graph');
  });

  it('leaves other paths to the rest of the app', async () => {
    const res = await fetch(`${base}/assets/%2e%2e/package.json`);
    expect(res.status).toBe(404);
    expect((await fetch(`${base}/assets/nope.js`)).status).toBe(404);
  });
});

describe('options and escaping', () => {
  it('puts a custom GraphQL path in a meta tag, escaped', () => {
    expect(ladderPageHtml('/api/graphql')).toContain('<meta name="rolegraph-graphql" content="/api/graphql">');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('refuses a GraphQL path that is not on this server', () => {
    expect(() => createLadderRouter({ graphqlPath: '//evil.example/graphql' })).toThrow(/same-origin path/);
    expect(() => createLadderRouter({ graphqlPath: 'https://evil.example/graphql' })).toThrow(/same-origin path/);
    expect(() => createLadderRouter({ graphqlPath: '/g"><script>' })).toThrow(/same-origin path/);
  });
});
