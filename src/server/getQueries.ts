// Lets standard clients send queries as GET (urql's default, graphql-request's `method: 'GET'`,
// Apollo Client's `useGETForQueries`) without Apollo's preflight header, which they do not send.
//
// Apollo's CSRF prevention refuses every GET without `apollo-require-preflight` or
// `x-apollo-operation-name`. For rolegraph that refusal protects nothing a GET can reach: a GET
// never runs a mutation (Apollo answers 405), the only state a request can change; no cookie is
// read, so a cross-site GET runs with no more rights than an anonymous client; and a page on
// another origin cannot read the answer unless CORS allows that origin. So a GET query counts as
// preflighted here — unless it carries an `Authorization` header (an admin request keeps every
// CSRF rule). POSTs are untouched: a "simple" POST (text/plain, form) is still refused.
// Full reasoning: SECURITY.md, "GET queries and CSRF".
import type { RequestHandler } from 'express';

/** One of the headers Apollo's CSRF prevention accepts as proof of a preflighted request. */
const PREFLIGHT_HEADER = 'apollo-require-preflight';

export const allowGetQueries: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' && req.headers.authorization === undefined && req.headers[PREFLIGHT_HEADER] === undefined) {
    req.headers[PREFLIGHT_HEADER] = 'get-query';
  }
  next();
};
