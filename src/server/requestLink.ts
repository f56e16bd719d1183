// The link from a GraphQL request's context back to the HTTP request it came in on, so Apollo
// plugins (the request log, tracing) can note what they learn on that request. Apollo hands
// plugins a shallow copy of the context object; the copy keeps own symbol properties.
import type { IncomingMessage } from 'node:http';

const HTTP_REQUEST = Symbol('rolegraph.httpRequest');
type Linked = { [HTTP_REQUEST]?: IncomingMessage };

/** Call from Apollo's context function: `contextValue` now leads back to `req`. */
export function linkRequest<T extends object>(contextValue: T, req: IncomingMessage): T {
  (contextValue as Linked)[HTTP_REQUEST] = req;
  return contextValue;
}

/** The HTTP request behind a context, or undefined (an operation run in process, a subscription). */
export function requestOf(contextValue: object): IncomingMessage | undefined {
  return (contextValue as Linked)[HTTP_REQUEST];
}
