// A real rolegraph server on 127.0.0.1 over a real git repository, configured from environment
// variables as `rolegraph serve` would be, for tests that speak HTTP to it; close() undoes it all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import type { Indexer } from '../../src/index';
import { makeRepo, type CommitSpec, type TestRepo } from './makeRepo';

export interface HttpTestServer {
  repo: TestRepo;
  indexer: Indexer;
  server: RolegraphServer;
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

export async function startHttpServer(commits: CommitSpec[], env: Record<string, string> = {}): Promise<HttpTestServer> {
  const repo = makeRepo(commits);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-http-'));
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, env);
  const indexer = createIndexerFor(config, repo.dir, logger);
  await indexer.refresh();
  const server = await createServer({ config, indexer, logger });
  const base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  return {
    repo,
    indexer,
    server,
    base,
    async close() {
      await server.close();
      await indexer.close();
      repo.cleanup();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
