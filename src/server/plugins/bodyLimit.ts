// JSON body parsing for /graphql with a size cap. A body over the cap is refused with 413 while it
// streams in, before any of it is parsed; a malformed body gets 400. Both answer in GraphQL's own
// error shape with a code, because express's default error page would print a stack trace (with
// file-system paths) whenever NODE_ENV is not `production`.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Limits } from '../limits';

/** body-parser tags its errors with `type` (`entity.too.large`, `entity.parse.failed`, …) and `status`. */
interface BodyParserError {
  type: string;
  status?: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string';
}

const MESSAGES: Readonly<Record<string, [status: number, code: string, message: string]>> = {
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'Request body is larger than this server accepts'],
  'entity.parse.failed': [400, 'BAD_REQUEST', 'Request body is not valid JSON'],
  'encoding.unsupported': [415, 'BAD_REQUEST', 'Request body encoding is not supported'],
  'charset.unsupported': [415, 'BAD_REQUEST', 'Request body charset is not supported'],
};

/** Answers body-parser failures; passes anything else on. */
export const bodyErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (!isBodyParserError(err)) {
    next(err);
    return;
  }
  const [status, code, message] = MESSAGES[err.type] ?? [400, 'BAD_REQUEST', 'Request body could not be read'];
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * body-parser reads any `utf-*` charset through iconv-lite, UTF-7 included, where `+AF8AXw-schema`
 * decodes to `__schema`: a request that says something else to anything reading its bytes as UTF-8
 * (logs, filters, the answer cache). JSON is UTF-8 (RFC 8259 §8.1), so only UTF-8 is read. The
 * charset is the one body-parser itself settled on (it hands it to `verify`, lower-cased, `utf-8`
 * when the header names none), so no second parser of the header can disagree with it; throwing
 * here aborts the parse before decoding, and bodyErrorHandler answers 415.
 */
function utf8Only(_req: unknown, _res: unknown, _buf: Buffer, encoding: string): void {
  if (encoding !== 'utf-8') throw Object.assign(new Error(`unsupported charset "${encoding}"`), { status: 415, type: 'charset.unsupported' });
}

/** Middleware for the GraphQL route: capped UTF-8 JSON parsing, then the error answer for it. */
export function jsonBody(limits: Pick<Limits, 'maxBodyBytes'>): Array<RequestHandler | ErrorRequestHandler> {
  return [express.json({ limit: limits.maxBodyBytes, verify: utf8Only }), bodyErrorHandler];
}
