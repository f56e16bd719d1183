// OpenTelemetry spans for each request, on a tracer handed in (tracing.ts makes it from the SDK):
// - a SERVER span per HTTP request, `POST /graphql`, continuing the client's trace when it sends a
//   W3C `traceparent`, with the method, path (never the query string), status and request id;
// - under it a span per GraphQL operation, `query Roles`, with the operation's name and type, our
//   request id and the answer's error codes, and one child span each for parse, validate, execute.
// Never the query text, variables or headers: a span is as public as a log line.
// Spans are parented explicitly (through the HTTP request), so no global context manager, no
// monkey-patching of http or express, and nothing of OpenTelemetry is loaded unless tracing is on:
// app.ts imports this file's types only.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { defaultTextMapGetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorCodesOf } from './plugins/errorCodes';
import { requestOf } from './requestLink';
import { pathOf } from './requestLog';
import type { RequestListener } from './routes';
import { requestIdOf } from './requestId';

/** Our request id (the `x-request-id` answered), on the HTTP span and the GraphQL span alike. */
export const ATTR_REQUEST_ID = 'rolegraph.request_id';
/** The distinct `extensions.code`s of the answer's errors. */
export const ATTR_ERROR_CODES = 'rolegraph.graphql.error_codes';
/** `hit` when the HTTP answer cache answered (no GraphQL span then: Apollo never ran). */
export const ATTR_CACHE = 'rolegraph.cache';
// OpenTelemetry's GraphQL conventions are still incubating; their names, spelled out.
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';

/** The routes app.ts serves; any other path is named by its method alone, so span names stay few. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/ladder', '/webhooks/gitlab', '/webhooks/github']);
/** An error the server owns (anything else in an answer is the client's to fix): the span fails. */
const SERVER_FAULT = 'INTERNAL_SERVER_ERROR';

export interface RequestTracing {
  /** Wraps the server's request listener (inside the request log, which gives the request its id). */
  listener(next: RequestListener): RequestListener;
  readonly plugin: ApolloServerPlugin<BaseContext>;
  /** Marks an answer served from the HTTP answer cache (pass as its `onHit`). */
  noteCacheHit(req: IncomingMessage, operationName: string | null): void;
}

export function createRequestTracing(tracer: Tracer): RequestTracing {
  const propagator = new W3CTraceContextPropagator();
  const httpSpans = new WeakMap<IncomingMessage, Span>();

  const child = (parent: Span, name: string): ((failed: boolean) => void) => {
    const span = tracer.startSpan(name, {}, trace.setSpan(ROOT_CONTEXT, parent));
    return (failed) => {
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
  };

  const listener =
    (next: RequestListener): RequestListener =>
    (req: IncomingMessage, res: ServerResponse) => {
      const method = req.method ?? 'GET';
      const path = pathOf(req.url);
      const route = ROUTES.has(path) ? path : undefined;
      const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path };
      if (route) attributes[ATTR_HTTP_ROUTE] = route;
      const requestId = requestIdOf(req);
      if (requestId) attributes[ATTR_REQUEST_ID] = requestId;
      const parent: Context = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
      const span = tracer.startSpan(route ? `${method} ${route}` : method, { kind: SpanKind.SERVER, attributes }, parent);
      httpSpans.set(req, span);
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
        // A client that went away before the answer was sent: the span says so.
        if (!res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: 'client closed the connection' });
        else if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
      res.once('finish', end);
      res.once('close', end);
      next(req, res);
    };

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart({ contextValue }) {
      const req = requestOf(contextValue);
      const httpSpan = req ? httpSpans.get(req) : undefined;
      const requestId = req ? requestIdOf(req) : undefined;
      const span = tracer.startSpan(
        'graphql',
        { attributes: requestId ? { [ATTR_REQUEST_ID]: requestId } : {} },
        httpSpan ? trace.setSpan(ROOT_CONTEXT, httpSpan) : ROOT_CONTEXT,
      );
      let endExecute: ((failed: boolean) => void) | null = null;
      return {
        async parsingDidStart() {
          const end = child(span, 'graphql.parse');
          return async (err) => end(err !== undefined);
        },
        async validationDidStart() {
          const end = child(span, 'graphql.validate');
          return async (errs) => end((errs?.length ?? 0) > 0);
        },
        async didResolveOperation({ operation, operationName }) {
          // Apollo resolves an operation before this hook; without one it answers an error instead.
          const type = operation?.operation ?? 'unknown';
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
          span.updateName(operationName ? `${type} ${operationName}` : type);
        },
        // The execute span starts at the last hook before an operation runs: graphql-jit answers from
        // a later plugin's responseForOperation (src/server/jitPlugin.ts), and then Apollo never
        // calls executionDidStart; such a span ends when the answer is ready.
        async responseForOperation() {
          endExecute ??= child(span, 'graphql.execute');
          return null;
        },
        async executionDidStart() {
          endExecute ??= child(span, 'graphql.execute');
          return {
            async executionDidEnd(err) {
              endExecute?.(err !== undefined);
              endExecute = null;
            },
          };
        },
        async willSendResponse({ response }) {
          endExecute?.(false);
          endExecute = null;
          const codes = [...new Set(errorCodesOf(response))];
          if (codes.length > 0) span.setAttribute(ATTR_ERROR_CODES, codes);
          if (codes.includes(SERVER_FAULT)) span.setStatus({ code: SpanStatusCode.ERROR, message: SERVER_FAULT });
          span.end();
        },
      };
    },
  };

  return {
    listener,
    plugin,
    noteCacheHit(req, operationName) {
      const span = httpSpans.get(req);
      if (!span) return;
      span.setAttribute(ATTR_CACHE, 'hit');
      if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
    },
  };
}
