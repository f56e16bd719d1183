// One JSON line per HTTP request, on the server's own pino logger:
//   {"requestId":"…","req":{"method":"POST","path":"/graphql"},"res":{"statusCode":200},
//    "durationMs":4,"graphql":{"operationName":"Roles","errorCodes":["BAD_REF"]},"msg":"request completed"}
// Only those fields. Never the query string (a GET carries its query text and variables there),
// the body, variables, the query text or any header, so neither a literal in a query nor a token
// can reach the log. The `graphql` part is noted by an Apollo plugin (or by the answer cache for a
// stored answer) on the HTTP request, and read when the answer has gone out.
//
// It wraps the server's request listener from the outside, so answers from the HTTP answer cache,
// which never reach express, are logged too; websocket upgrades are not requests and are not.
//
// It was pino-http until the pipeline floor's profile (bench/ANALYSIS.md, issue 15 target 4): that
// made two child loggers per request, serialising the request into the second at once, whether or
// not the line would be written. The line is the same, byte for byte (tests/server/requestLogLine.test.ts);
// it is built only when its level is enabled.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestListener } from './routes';
import type { Logger } from 'pino';
import { errorCodesOf } from './plugins/errorCodes';
import { requestOf } from './requestLink';
import { REQUEST_ID_HEADER, requestIdFor } from './requestId';


/** What the GraphQL side learned about a request, for its log line. */
export interface GraphqlNote {
  /** The operation run, from the document (never the name the client claimed); null when anonymous or unparsed. */
  operationName: string | null;
  /** Distinct `extensions.code`s of the answer's errors, in order. */
  errorCodes: string[];
  /** `hit` when the HTTP answer cache answered, `shared` when an identical request's execution did; both bypass Apollo. */
  cache?: 'hit' | 'shared';
}

export interface RequestLog {
  /** Wraps the server's request listener: gives each request its id, logs it when it ends. */
  listener(next: RequestListener): RequestListener;
  /** Notes each GraphQL request's operation and error codes on its HTTP request. */
  readonly plugin: ApolloServerPlugin<BaseContext>;
  /** Notes an answer served from the HTTP answer cache (pass as its `onHit`). */
  noteCacheHit(req: IncomingMessage, operationName: string | null): void;
  /** Notes an answer sent from an identical request's execution (pass as the single flight's `onShared`). */
  noteSharedAnswer(req: IncomingMessage, operationName: string | null): void;
}

/** Kubernetes probes and Prometheus scrapes arrive every few seconds from the platform, not from clients. */
const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
/** Paths are the client's to choose; a log line stays a line. */
const MAX_PATH_CHARS = 200;
/** Matches the metrics' bound on an operation name (a GraphQL Name can be as long as the body). */
const MAX_OPERATION_NAME_CHARS = 100;

/** The path alone: the query string is cut off before anything reads it. */
export function pathOf(url: string | undefined): string {
  const path = (url ?? '').split('?', 1)[0]!;
  return path.length > MAX_PATH_CHARS ? `${path.slice(0, MAX_PATH_CHARS)}…` : path;
}

/** The URL as the client sent it: express rewrites `req.url` inside a mounted router, not `originalUrl`. */
function urlOf(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
}

/** The note on the HTTP request itself (a symbol property, as single flight's and the answer cache's marks are). */
const NOTE = Symbol('rolegraph.requestLog.note');
type NotedRequest = IncomingMessage & { [NOTE]?: GraphqlNote };

export function createRequestLog(logger: Logger): RequestLog {

  /** Writes the request's line; what pino-http wrote, key for key (tests/server/requestLogLine.test.ts). */
  const complete = (req: IncomingMessage, res: ServerResponse, id: string, startedAt: number, err: unknown): void => {
    const path = pathOf(urlOf(req));
    const level = levelFor(path, res, err);
    // A line nobody will read is not built (the bench runs silent; a probe at debug usually is).
    if (!logger.isLevelEnabled(level)) return;
    const durationMs = Date.now() - startedAt;
    const note = (req as NotedRequest)[NOTE];
    const line: Record<string, unknown> = { requestId: id, req: { method: req.method, path }, res: { statusCode: res.statusCode } };
    if (err !== undefined || res.statusCode >= 500) {
      // The 5xx's own status is its message; pino's err serializer shapes it (type, message, stack).
      const message = err !== undefined ? (err as { message?: unknown } | null)?.message : `failed with status code ${res.statusCode}`;
      line.err = { message };
      line.durationMs = durationMs;
      if (note) line.graphql = note;
      logger[level](line, 'request errored');
      return;
    }
    line.durationMs = durationMs;
    if (note) line.graphql = note;
    logger[level](line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
  };

  const note = (req: IncomingMessage, next: GraphqlNote): void => {
    (req as NotedRequest)[NOTE] = next;
  };

  return {
    listener: (next) => (req, res) => {
      const id = requestIdFor(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      // Where tracing and the answer's header read it (requestIdOf).
      (req as IncomingMessage & { id?: string }).id = id;
      const startedAt = Date.now();
      // The first of finish, close or error writes the line; the error listener also keeps a late
      // write error on the response from being an uncaught 'error' event while the request is open.
      const done = (err?: unknown): void => {
        res.removeListener('close', done);
        res.removeListener('finish', done);
        res.removeListener('error', done);
        complete(req, res, id, startedAt, err);
      };
      res.on('close', done);
      res.on('finish', done);
      res.on('error', done);
      next(req, res);
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        const req = requestOf(contextValue);
        if (!req) return;
        return {
          async willSendResponse({ operationName, response }) {
            note(req, { operationName: operationName?.slice(0, MAX_OPERATION_NAME_CHARS) ?? null, errorCodes: [...new Set(errorCodesOf(response))] });
          },
        };
      },
    },
    noteCacheHit(req, operationName) {
      note(req, { operationName, errorCodes: [], cache: 'hit' });
    },
    noteSharedAnswer(req, operationName) {
      note(req, { operationName, errorCodes: [], cache: 'shared' });
    },
  };
}

/** Probes and scrapes at debug; a server error (or a failed response) at error; everything else at info. */
function levelFor(path: string, res: ServerResponse, err: unknown): 'debug' | 'info' | 'error' {
  if (err !== undefined || res.statusCode >= 500) return 'error';
  return res.statusCode < 400 && PROBE_PATHS.has(path) ? 'debug' : 'info';
}
