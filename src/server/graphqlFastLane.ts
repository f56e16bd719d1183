// The fast lane for plain GraphQL POSTs: what express does for `POST /graphql` with a JSON body,
// done from the node listener without express's router. Under load, a trivial operation spent most
// of our share of its time before and after Apollo: six routers tried in turn, express's request
// and response prototypes, body-parser's checks, res.send's content negotiation (bench/ANALYSIS.md,
// "Pipeline floor").
//
// It takes only the requests the answer cache and single flight in front of it have already read
// and parsed (responseBytesCache.eligibleLength: `POST /graphql`, a JSON content type, a declared
// length within the body limit, no Authorization, no Content-Encoding or chunked body), so every
// refusal express makes (413, 415, malformed JSON, CSRF) and every other method, path or content
// type, admin requests included, still goes through express as before. For the requests it takes,
// it sets the headers express's chain would (nosniff, CORS with the same middleware, Vary: Accept),
// runs Apollo with the same context, and writes the answer as @as-integrations/express5 and
// express's res.send would: Apollo's headers, status, charset, Content-Length, body bytes.
// tests/server/graphqlFastLane.test.ts sends the same requests both ways and compares.
import type { ApolloServer, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { format as formatContentType, parse as parseContentType } from 'content-type';
import type { IncomingMessage, ServerResponse } from 'node:http';
import vary from 'vary';
import type { RolegraphContext } from '../graphql';
import type { CorsHandler } from './cors';
import { lastResortStatus, writeLastResort } from './lastResort';
import { carryEncodedAnswer, encodedOr, type EncodedAnswer } from './plugins/answerText';
import { eligibleLength } from './plugins/responseBytesCache';
import { GRAPHQL_PATH, type RequestListener } from './routes';

export interface GraphqlFastLaneOptions {
  apollo: ApolloServer<RolegraphContext>;
  /** The same context function the express route gives Apollo. */
  context(req: IncomingMessage): Promise<RolegraphContext>;
  /** The CORS middleware express runs on the path, or null when CORS is off. */
  cors: CorsHandler | null;
  /** The request body limit: the listeners in front read only bodies within it. */
  maxBodyBytes: number;
  /** Told of a failure express's last-resort handler would have logged (an Apollo bug, a lost socket). */
  onFailure(err: unknown, path: string): void;
}

type ParsedRequest = IncomingMessage & { body?: unknown };

/**
 * express's res.send sets the charset on a string's content type by parsing and formatting it
 * (content-type's format sorts and lower-cases parameters). Apollo answers with a handful of fixed
 * types, so each is worked out once.
 */
const withCharset = new Map<string, string>();
function utf8ContentType(type: string): string {
  let known = withCharset.get(type);
  if (known === undefined) {
    const parsed = parseContentType(type);
    parsed.parameters.charset = 'utf-8';
    known = formatContentType(parsed);
    // Apollo's types, not the client's: the map stays a few entries long, but it is bounded anyway.
    if (withCharset.size < 32) withCharset.set(type, known);
  }
  return known;
}

/** The request's headers as Apollo's express integration hands them over. */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * Writes Apollo's answer as the express integration's res.send (or its streaming loop) would, with
 * the answer's bytes when the ETag already encoded them (answerText.ts): the same bytes, encoded once.
 */
async function writeAnswer(res: ServerResponse, answer: HTTPGraphQLResponse, encoded: EncodedAnswer | null): Promise<void> {
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status || 200;
  if (answer.body.kind === 'chunked') {
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
    return;
  }
  const type = res.getHeader('content-type');
  res.setHeader('Content-Type', typeof type === 'string' ? utf8ContentType(type) : 'text/html; charset=utf-8');
  let body: string | Buffer = encodedOr(encoded, answer.body.string);
  if (!res.hasHeader('transfer-encoding')) res.setHeader('Content-Length', typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length);
  // A POST is never fresh (express's req.fresh), but a status without a body keeps none.
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.removeHeader('Transfer-Encoding');
    body = '';
  } else if (res.statusCode === 205) {
    res.setHeader('Content-Length', '0');
    res.removeHeader('Transfer-Encoding');
    body = '';
  }
  res.end(body, 'utf8');
}

/** A node:http listener answering parsed plain GraphQL POSTs itself and passing everything else to `next`. */
export function graphqlFastLane(opts: GraphqlFastLaneOptions): (next: RequestListener) => RequestListener {
  const fail = (res: ServerResponse, err: unknown): void => {
    if (lastResortStatus(err) === 500) opts.onFailure(err, GRAPHQL_PATH);
    writeLastResort(res, err);
  };
  const run = (req: ParsedRequest, res: ServerResponse): void => {
    // express's route adds Vary: Accept after CORS's Vary: Origin.
    vary(res, 'Accept');
    let encoded: EncodedAnswer | null = null;
    const context = async (): Promise<RolegraphContext> => {
      const carried = carryEncodedAnswer(await opts.context(req));
      encoded = carried.encoded;
      return carried.contextValue;
    };
    opts.apollo
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: headerMapOf(req), search: '', body: req.body },
        context,
      })
      .then((answer) => writeAnswer(res, answer, encoded))
      .catch((err: unknown) => fail(res, err));
  };

  return (next) => (req, res) => {
    const r = req as ParsedRequest;
    if (r.body === undefined || eligibleLength(req, opts.maxBodyBytes) === null) {
      next(req, res);
      return;
    }
    // The first header express's chain sets on every answer.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (opts.cors) opts.cors(req, res, (err?: unknown) => (err === undefined ? run(r, res) : fail(res, err)));
    else run(r, res);
  };
}
