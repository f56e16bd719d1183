// The career-ladder page: GET /ladder draws the `ladder(...)` GraphQL answer (departments, families, roles; compare mode)
// as a graph in the browser. Everything it loads comes from rolegraph itself (cytoscape from
// node_modules, our own script and stylesheet), so it works with no internet and under a strict
// Content-Security-Policy. The HTML is a constant: query parameters are read by the client from
// location.search and never written into HTML or script here, so a crafted URL cannot inject markup.
import express, { type Router } from 'express';
import path from 'node:path';
import { assetDir, selfOnlyCsp, sendAsset, sendPage } from './staticPage';

export interface LadderRouterOptions {
  /** Where the page POSTs its GraphQL query; same origin. Default `/graphql`. */
  graphqlPath?: string;
}

/**
 * `default-src 'self'` with no inline script or style anywhere. Cytoscape draws on canvas and
 * styles its own elements through the CSSOM, which style-src does not restrict. `blob:` lets the
 * export links download the Mermaid/DOT text the page already holds.
 */
export const LADDER_PAGE_CSP = selfOnlyCsp({ img: 'data: blob:' });

/** A path on this server: one leading slash, then URL path characters only (no `//host`, no quotes). */
const SAME_ORIGIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~/]*$/;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** The page, the same for every request; the GraphQL path travels in a meta tag the script reads. */
export function ladderPageHtml(graphqlPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="rolegraph-graphql" content="${escapeHtml(graphqlPath)}">
<title>Career ladder · rolegraph</title>
<link rel="icon" href="/assets/ladder-icon.svg" type="image/svg+xml">
<!-- The id tells cytoscape its container rule is already here (in ladder.css); otherwise it injects an inline <style>, which the CSP refuses. -->
<link rel="stylesheet" href="/assets/ladder.css" id="__________cytoscape_stylesheet">
<script src="/assets/cytoscape.min.js" defer></script>
<script src="/assets/ladder.js" defer></script>
</head>
<body data-state="loading">
<header>
  <h1>Career ladder</h1>
  <form id="search-form" role="search">
    <label>Find a role <input id="ladder-search" type="search" list="search-suggestions" placeholder="title or family" autocomplete="off"></label>
    <datalist id="search-suggestions"></datalist>
    <button type="submit">Go</button>
  </form>
  <form id="ladder-form" method="get" action="/ladder">
    <label>Department <input name="department" id="field-department" list="departments" placeholder="all" autocomplete="off"></label>
    <datalist id="departments"></datalist>
    <label>Role id <input name="role" id="field-role" placeholder="family/slug#role" autocomplete="off"></label>
    <label>At <input name="at" id="field-at" placeholder="head · sha, tag or date" autocomplete="off"></label>
    <label>Compare from <input name="from" id="field-from" placeholder="older ref" autocomplete="off"></label>
    <label>to <input name="to" id="field-to" placeholder="newer ref (default: at)" autocomplete="off"></label>
    <button type="submit">Show</button>
  </form>
</header>
<main>
  <nav id="ladder-trail" aria-label="Where you are"></nav>
  <p id="ladder-status" role="status">Loading…</p>
  <p id="ladder-summary"></p>
  <p id="ladder-error" role="alert" hidden></p>
  <div id="ladder-graph" aria-label="Career ladder graph" aria-describedby="ladder-status"></div>
  <aside id="ladder-legend">
    <h2>Legend</h2>
    <ul class="legend-edges">
      <li><span class="swatch edge-ladder-link"></span> career-ladder link (to another family)</li>
      <li><span class="swatch edge-level-order"></span> next level in the same family</li>
    </ul>
    <p class="legend-note">Higher grades sit higher; a role without a grade sits between the roles it links to. A frame holds one family. Open a box to see what is inside it.</p>
    <ul class="legend-changes">
      <li><span class="swatch change-added"></span> added</li>
      <li><span class="swatch change-modified"></span> regraded or relinked</li>
      <li><span class="swatch change-moved"></span> retitled or moved</li>
      <li><span class="swatch change-removed"></span> removed</li>
    </ul>
    <ul id="legend-departments" class="legend-departments"></ul>
    <button type="button" id="list-toggle" aria-expanded="false" aria-controls="ladder-list-panel">Show as a list</button>
  </aside>
  <section id="ladder-list-panel" class="visually-hidden">
    <h2>Shown on the ladder</h2>
    <ul id="ladder-list" aria-label="Shown on the ladder"></ul>
  </section>
  <section id="ladder-export">
    <h2>Export</h2>
    <p>
      <a id="export-mermaid" href="#" download="ladder.mmd">Download Mermaid</a>
      · <a id="export-dot" href="#" download="ladder.dot">Download DOT</a>
    </p>
    <details><summary>Mermaid source</summary><pre id="ladder-mermaid"></pre></details>
    <details><summary>Graphviz DOT source</summary><pre id="ladder-dot"></pre></details>
  </section>
</main>
</body>
</html>
`;
}

const CYTOSCAPE_FILE = require.resolve('cytoscape/dist/cytoscape.min.js');

/** The page's client files change with each build of rolegraph; a short cache picks them up soon. */
const ASSET_MAX_AGE_SECONDS = 300;

/** Routes `/ladder` and the assets it loads (cytoscape, script, stylesheet, icon). Mount at the root of the app. */
export function createLadderRouter(options: LadderRouterOptions = {}): Router {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  if (!SAME_ORIGIN_PATH.test(graphqlPath)) {
    throw new Error(`createLadderRouter: graphqlPath must be a same-origin path like /graphql, got ${JSON.stringify(graphqlPath)}`);
  }
  const html = ladderPageHtml(graphqlPath);
  // ladder.js is bundled from src/web/ladder by scripts/buildWeb.js (npm run build); the rest are kept as they are.
  const assets = assetDir('ladder', 'ladder.js');
  const router = express.Router();

  router.get('/ladder', (_req, res) => sendPage(res, LADDER_PAGE_CSP, html));
  router.get('/assets/cytoscape.min.js', (_req, res) => sendAsset(res, CYTOSCAPE_FILE, ASSET_MAX_AGE_SECONDS, 'text/javascript'));
  router.get('/assets/ladder.js', (_req, res) => sendAsset(res, path.join(assets, 'ladder.js'), ASSET_MAX_AGE_SECONDS, 'text/javascript'));
  router.get('/assets/ladder.css', (_req, res) => sendAsset(res, path.join(assets, 'ladder.css'), ASSET_MAX_AGE_SECONDS, 'text/css'));
  router.get('/assets/ladder-icon.svg', (_req, res) => sendAsset(res, path.join(assets, 'ladder-icon.svg'), ASSET_MAX_AGE_SECONDS, 'image/svg+xml'));
  return router;
}
