// Cross-origin reads of /graphql for frontends on other origins (ROLEGRAPH_CORS_ORIGINS), through
// the `cors` package. Unset: no CORS header at all, so only same-origin pages can read answers.
//
// rolegraph's one credential is the admin bearer token, an ordinary request header: a frontend
// sends it without `credentials: 'include'`, and no cookie is ever read. So no answer carries
// `Access-Control-Allow-Credentials`, and `*` (any origin) is allowed — but with `*` the preflight
// does not allow `Authorization`: a token is only ever sent from an origin the operator named.
import cors from 'cors';

export type CorsOrigins = { kind: 'none' } | { kind: 'any' } | { kind: 'exact'; origins: readonly string[] };

/** The `cors` package's middleware: plain node request and response, so express and the GraphQL fast lane both run it. */
export type CorsHandler = ReturnType<typeof cors>;

export const NO_CORS: CorsOrigins = Object.freeze({ kind: 'none' });

export class CorsConfigError extends Error {
  readonly code = 'BAD_CONFIG' as const;
}

/** Headers a preflight allows: JSON bodies and Apollo's two CSRF-prevention headers. */
export const CORS_ALLOWED_HEADERS: readonly string[] = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name'];
/** Added for named origins only: the admin token (see the header). */
export const CORS_CREDENTIAL_HEADERS: readonly string[] = ['authorization'];
/**
 * Not CORS-safelisted response headers a frontend needs to read: ETag to revalidate by hand, and
 * x-request-id to quote a request's id in a bug report (it names the request's log line and spans).
 */
const EXPOSED_HEADERS = ['etag', 'x-request-id'];
/** Browsers cap this anyway (Chromium at 2 hours); 10 minutes keeps a configuration change quick to apply. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * `ROLEGRAPH_CORS_ORIGINS`: `*`, or comma-separated exact origins (`https://hr.example.com,
 * http://localhost:5173`) as browsers send them in `Origin` — scheme, host, optional port, no path.
 */
export function parseCorsOrigins(raw: string | undefined): CorsOrigins {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (entries.length === 0) return NO_CORS;
  if (entries.includes('*')) {
    if (entries.length > 1) throw new CorsConfigError('ROLEGRAPH_CORS_ORIGINS: `*` cannot be combined with named origins');
    return { kind: 'any' };
  }
  for (const entry of entries) {
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      origin = null;
    }
    // The browser's Origin header is compared byte for byte, so only the exact spelling it sends works.
    if (origin !== entry) {
      throw new CorsConfigError(`ROLEGRAPH_CORS_ORIGINS: ${JSON.stringify(entry.slice(0, 100))} is not an origin like https://app.example.com${origin ? ` (did you mean ${origin}?)` : ''}`);
    }
  }
  return { kind: 'exact', origins: [...new Set(entries)] };
}

/** The CORS middleware for the GraphQL path (answers preflights itself), or null when CORS is off. */
export function corsMiddleware(origins: CorsOrigins): CorsHandler | null {
  const common = { methods: ['GET', 'POST'], exposedHeaders: EXPOSED_HEADERS, maxAge: PREFLIGHT_MAX_AGE_SECONDS, optionsSuccessStatus: 204 };
  switch (origins.kind) {
    case 'none':
      return null;
    case 'any':
      return cors({ ...common, origin: '*', allowedHeaders: [...CORS_ALLOWED_HEADERS] });
    case 'exact':
      // An array: the request's Origin is echoed when it is one of them (and `Vary: Origin` always sent).
      return cors({ ...common, origin: [...origins.origins], allowedHeaders: [...CORS_ALLOWED_HEADERS, ...CORS_CREDENTIAL_HEADERS] });
  }
}
