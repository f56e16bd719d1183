// GraphiQL on GET /graphql for browsers, served entirely from rolegraph's own node_modules: no CDN,
// so it works offline and under a Content-Security-Policy of 'self'. The HTML is a constant; the
// client script reads `?query=` itself, so nothing from the request is ever written into the page.
import express, { type Request, type Router } from 'express';
import path from 'node:path';
import { assetDir, selfOnlyCsp, sendAsset, sendPage } from './staticPage';

export const GRAPHIQL_ASSET_PREFIX = '/assets/graphiql';

/** The query GraphiQL opens with: something that answers from any handbook at once. */
export const EXAMPLE_QUERY = `# rolegraph: roles, grades and career ladders of a job-family handbook in git.
# Press the run button (or Ctrl-Enter). The docs explorer lists every field.
query RolesWithGrades {
  repository { url branch head { sha date message } }
  roles(first: 10) {
    totalCount
    edges {
      node {
        id
        title
        grade
        family { slug title }
      }
    }
  }
}
`;

/**
 * No inline script or style. GraphiQL's stylesheet embeds its fonts as data: URIs; React and
 * CodeMirror set styles through the CSSOM, which style-src does not restrict.
 */
export const GRAPHIQL_CSP = selfOnlyCsp({ font: 'data:', img: 'data:' });

/** A file inside an installed package. React's "exports" hide its UMD folder, so go through package.json. */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Third-party files, by the URL name they get under /assets/graphiql/. */
const VENDOR_FILES: Record<string, string> = {
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
};
const OWN_FILES = ['graphiql-init.js', 'graphiql-page.css'];

/** `</` would end the script element early; the example is ours, but keep the page robust. */
function scriptText(text: string): string {
  return text.replace(/<\//g, '<\\/');
}

export function graphiqlHtml(endpoint: string): string {
  const a = GRAPHIQL_ASSET_PREFIX;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rolegraph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${a}/graphiql.min.css">
<link rel="stylesheet" href="${a}/graphiql-page.css">
</head>
<body>
<div id="graphiql" data-endpoint="${endpoint}">Loading GraphiQL…</div>
<script type="application/graphql" id="example-query">${scriptText(EXAMPLE_QUERY)}</script>
<script src="${a}/react.production.min.js"></script>
<script src="${a}/react-dom.production.min.js"></script>
<script src="${a}/graphiql.min.js"></script>
<script src="${a}/graphiql-init.js"></script>
</body>
</html>
`;
}

/** True for a browser navigating to the endpoint (it asks for HTML), not a GraphQL GET. */
export function wantsGraphiql(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // A GraphQL client asks for JSON (or */*, which picks the first type here); a browser's
  // navigation prefers HTML. `?query=` does not matter: in a browser it preloads the editor.
  const preferred = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']);
  return preferred === 'text/html';
}

/** Vendor and own files change only with an upgrade or a new build. */
const ASSET_MAX_AGE_SECONDS = 3600;

/** GET `endpoint` from a browser → the page; `/assets/graphiql/*` → its files. Mount at the app root. */
export function createGraphiqlRouter(endpoint = '/graphql'): Router {
  const html = graphiqlHtml(endpoint);
  const ownDir = assetDir('graphiql', 'graphiql-init.js');
  const router = express.Router();
  router.get(endpoint, (req, res, next) => {
    if (!wantsGraphiql(req)) {
      next();
      return;
    }
    sendPage(res, GRAPHIQL_CSP, html);
  });
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    router.get(`${GRAPHIQL_ASSET_PREFIX}/${name}`, (_req, res) => sendAsset(res, file, ASSET_MAX_AGE_SECONDS));
  }
  for (const name of OWN_FILES) {
    router.get(`${GRAPHIQL_ASSET_PREFIX}/${name}`, (_req, res) => sendAsset(res, path.join(ownDir, name), ASSET_MAX_AGE_SECONDS));
  }
  return router;
}
