// The request id: the client's `x-request-id` when it is a sane token, else a fresh UUID. It is
// echoed in the answer's `x-request-id` header, written in the request's log line and set on its
// trace spans, so one id finds a request on both sides of the wire.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What proxies and clients send as request ids (UUIDs, ULIDs, hex trace ids, base64 tokens): 1 to
 * 128 of letters, digits and `-_.:+=/`. Nothing else is taken from the client: no spaces, quotes
 * or control characters can reach a log line or a header, and no id can be made huge.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:+=/-]{1,128}$/;

/** The client's id when it is sane (a repeated header arrives joined by `, ` and is not), else a new one. */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The id given to `req` by the request log (kept as `req.id`), or undefined before. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
