// The setup both browser tests need: a real git repository, the indexer the CLI would build for
// it, a real server on 127.0.0.1 and headless Chromium; close() undoes all of it in reverse order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { createServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createIndexerFor } from '../../src/server/compose';
import { launchChromium } from './chromium';
import { makeRepo, type CommitSpec, type TestRepo } from './makeRepo';

export interface BrowserServer<R extends ServedRepo = TestRepo> {
  repo: R;
  /** `http://127.0.0.1:<port>` */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserServer(commits: CommitSpec[], cachePrefix: string): Promise<BrowserServer> {
  return serveRepo(makeRepo(commits), cachePrefix);
}

/** What serving needs of a repository: where it is, and how to remove it afterwards. */
export interface ServedRepo {
  dir: string;
  cleanup(): void;
}

/** The same over a repository made elsewhere (a generated handbook); close() runs its cleanup too. */
export async function serveRepo<R extends ServedRepo>(repo: R, cachePrefix: string): Promise<BrowserServer<R>> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), cachePrefix));
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ repo: repo.dir, cacheDir }, {});
  const indexer = createIndexerFor(config, repo.dir, logger);
  await indexer.refresh();
  const server = await createServer({ config, indexer, logger });
  const base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
  const browser = await launchChromium();
  return {
    repo,
    base,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await indexer.close();
      repo.cleanup();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
