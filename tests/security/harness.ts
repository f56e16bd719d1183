// Shared setup for the hostile-input tests: a real handbook repository (makeRepo + seeds), the
// real indexer over real git, and a real HTTP server on 127.0.0.1 built the way production is.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git';
import { createIndexer, type IndexerWithStats } from '../../src/index';
import { makeRepo, seed, type CommitSpec, type TestRepo } from '../helpers/makeRepo';

export const SALES = 'content/job-families/sales';
export const VP = 'sales/vp-of-commercial-sales';
export const VP_ROLE = `${VP}#vp-of-commercial-sales`;
export const DIRECTOR = 'sales/director-regional-sales';

/** The VP page with its grade sentence set to `grade` (the seed says 12). */
export function vpPageWithGrade(grade: number): string {
  const text = seed('vp-of-commercial-sales.md');
  const sentence = 'The VP of Commerical Sales is a [grade 12]';
  if (!text.includes(sentence)) throw new Error('seed changed: the VP grade sentence is gone');
  return text.replace(sentence, `The VP of Commerical Sales is a [grade ${grade}]`);
}

export function seedCommit(extra: Record<string, string> = {}): CommitSpec {
  return {
    message: 'Add sales families',
    files: {
      [`${SALES}/vp-of-commercial-sales.md`]: seed('vp-of-commercial-sales.md'),
      [`${SALES}/director-regional-sales.md`]: seed('director-regional-sales.md'),
      ...extra,
    },
  };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rolegraph-sec-${prefix}-`));
}

export interface Indexed {
  repo: TestRepo;
  cacheDir: string;
  indexer: IndexerWithStats;
  cleanup(): Promise<void>;
}

/** The real indexer over a cache clone of `repo` (a test repo or a remote's path); not refreshed yet. */
export function indexerFor(repo: TestRepo | string, cacheDir = tempDir('cache')): IndexerWithStats {
  const remote = typeof repo === 'string' ? repo : repo.dir;
  const source = createGitSource({ remote, branch: 'main', cacheDir });
  return createIndexer({ source, url: remote, branch: 'main', contentDir: 'content/job-families', cacheDir });
}

/** A repository with `commits`, and its indexer, refreshed once unless `refresh` is false. */
export async function indexedRepo(commits: CommitSpec[], opts: { refresh?: boolean } = {}): Promise<Indexed> {
  const repo = makeRepo(commits);
  const cacheDir = tempDir('cache');
  const indexer = indexerFor(repo, cacheDir);
  if (opts.refresh !== false) await indexer.refresh();
  return {
    repo,
    cacheDir,
    indexer,
    async cleanup() {
      await indexer.close();
      repo.cleanup();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

export function baseUrl(address: AddressInfo | string | null): string {
  if (!address || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  text: string;
}

/** POSTs one operation as JSON, the way a well-behaved client does. */
export async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: GraphQLAnswer['body'] = {};
  try {
    body = JSON.parse(text) as GraphQLAnswer['body'];
  } catch {
    // not JSON: the test looks at `text` and `status`
  }
  return { status: res.status, body, text };
}

export function errorCodes(answer: { body: GraphQLAnswer['body'] }): string[] {
  return (answer.body.errors ?? []).map((e) => String(e.extensions?.code));
}

/** What no error a client sees may contain: stack frames or paths on this machine. */
export function assertNoLeaks(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // a stack frame
  expect(text).not.toContain(os.tmpdir() + path.sep);
  expect(text).not.toContain(path.resolve(__dirname, '..', '..'));
  expect(text).not.toContain('stacktrace');
}

