// The production HTTP server (createServer) for the security tests, on a free loopback port.
// Apart from harness.ts so the tests that need no server do not load the server layer.
import type { Indexer } from '../../src/index/types';
import pino from 'pino';
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
export async function startServer(indexer: Indexer, limits: Limits = DEFAULT_LIMITS): Promise<RunningServer> {
  const server = await createServer({
    config: { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, limits },
    indexer,
    logger: quietLogger,
  });
  const address = await server.listen(0, '127.0.0.1');
  return { url: baseUrl(address), server, close: () => server.close() };
}
