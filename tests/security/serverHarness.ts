// The production HTTP server (createServer) for the security tests, on a free loopback port.
// Apart from harness.ts so the tests that need no server do not load the server layer.
import type { Indexer } from '../../src/index/types';
import pino, { type Logger } from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { DEFAULT_LIMITS, type Limits } from '../../src/server/limits';
import { baseUrl } from './harness';

/** Logs nothing: the tests read answers, not logs. */
export const quietLogger = pino({ level: 'silent' });

export interface RunningServer {
  url: string;
  server: RolegraphServer;
  close(): Promise<void>;
}

/** The production HTTP server (createServer) over `indexer`, on a free loopback port. */
/**
 * `responseCacheEntries: 0` turns the HTTP answer cache off, so every request goes through express
 * and Apollo; `logger` replaces the quiet one (tests that read the log).
 */
export async function startServer(
  indexer: Indexer,
  limits: Limits = DEFAULT_LIMITS,
  opts: { responseCacheEntries?: number; logger?: Logger } = {},
): Promise<RunningServer> {
  const { logger = quietLogger, ...config } = opts;
  const server = await createServer({
    config: { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, limits, ...config },
    indexer,
    logger,
  });
  const address = await server.listen(0, '127.0.0.1');
  return { url: baseUrl(address), server, close: () => server.close() };
}
