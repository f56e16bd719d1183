// One JSON line per HTTP request, through pino-http on the server's own pino logger:
//   {"requestId":"…","req":{"method":"POST","path":"/graphql"},"res":{"statusCode":200},
//    "durationMs":4,"graphql":{"operationName":"Roles","errorCodes":["BAD_REF"]},"msg":"request completed"}
// Only those fields. Never the query string (a GET carries its query text and variables there),
// the body, variables, the query text or any header, so neither a literal in a query nor a token
// can reach the log. The `graphql` part is noted by an Apollo plugin (or by the answer cache for a
// stored answer) on the HTTP request, and read when the answer has gone out.
//
// It wraps the server's request listener from the outside, so answers from the HTTP answer cache,
// which never reach express, are logged too; websocket upgrades are not requests and are not.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { IncomingMessage } from 'node:http';
import type { RequestListener } from './routes';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
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

export function createRequestLog(logger: Logger): RequestLog {
  const notes = new WeakMap<IncomingMessage, GraphqlNote>();
  const withNote = (req: IncomingMessage, value: Record<string, unknown>): Record<string, unknown> => {
    const note = notes.get(req);
    return note ? { ...value, graphql: note } : value;
  };

  const middleware = pinoHttp({
    logger,
    // The id goes in its own key once; the request's fields are bound under `req`.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId(req, res) {
      const id = requestIdFor(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // The serializers read the request and response themselves: pino-http's default wrapping first
    // copies each into pino-std-serializers' shape (every header included), per request, for the
    // two or three fields kept here.
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(urlOf(req)) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel(req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return res.statusCode < 400 && PROBE_PATHS.has(pathOf(urlOf(req))) ? 'debug' : 'info';
    },
    customSuccessObject: (req, _res, value: Record<string, unknown>) => withNote(req, value),
    // pino-http makes up an Error (with its own stack) for a 5xx; its message says all there is.
    customErrorObject: (req, _res, err, value: Record<string, unknown>) => withNote(req, { ...value, err: { message: err.message } }),
  });

  const note = (req: IncomingMessage, next: GraphqlNote): void => {
    notes.set(req, next);
  };

  return {
    listener: (next) => (req, res) => {
      middleware(req, res);
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
