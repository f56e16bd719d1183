// The last-resort answer for a failure nothing else handled: express's own handler would print a
// stack trace outside production, so it is logged and answered plainly. The express chain and the
// GraphQL fast lane (graphqlFastLane.ts) both answer through it, so the two cannot drift apart.
import type { ErrorRequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** A 4xx an error names for itself (body-parser's, http-errors'), else 500. */
export function lastResortStatus(err: unknown): number {
  const status = (err as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

/** Answers `err` as express's `res.status(status).json(...)` would, unless an answer has begun. */
export function writeLastResort(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return;
  const status = lastResortStatus(err);
  const body = JSON.stringify({
    errors: [{ message: status === 500 ? 'Internal server error' : 'Bad request', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
  });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'));
  res.end(body, 'utf8');
}

/** Logs a failure of ours (a 500) without its stack; a client's mistake is only answered. */
export function logFailure(logger: Logger, err: unknown, path: string): void {
  logger.error({ err: { message: String((err as { message?: unknown } | null | undefined)?.message ?? err) }, path }, 'request failed');
}

/** The express error handler, last in the chain. */
export function lastResortHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (lastResortStatus(err) === 500) logFailure(logger, err, req.path);
    writeLastResort(res, err);
  };
}
