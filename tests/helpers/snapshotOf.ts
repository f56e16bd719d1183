// Test scaffolding: a Snapshot from real page texts, parsed by the real parser and linked by the
// real snapshot builder, so search/lint/ladder tests run on what production would serve.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFamily } from '../../src/parse';
import { buildSnapshot } from '../../src/index/snapshot';
import type { CommitInfo, Snapshot } from '../../src/index/types';
import { FIXTURES_DIR } from './makeRepo';

export interface PageText {
  /** Repository path, e.g. `content/job-families/sales/vp-of-commercial-sales.md`. */
  path: string;
  text: string;
}

/** The id git would give the text as a blob, so `blob` is a real value rather than a placeholder. */
function blobId(text: string): string {
  const body = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}

export function snapshotOf(pages: readonly PageText[], commit: Partial<CommitInfo> = {}): Snapshot {
  const info: CommitInfo = {
    sha: 'c0ffee0000000000000000000000000000000000',
    position: 0,
    message: 'test snapshot',
    authorName: 'Test',
    authorEmail: 'test@example.com',
    date: '2023-09-18T00:00:00+00:00',
    parents: [],
    ...commit,
  };
  return buildSnapshot(
    info,
    pages.map((p) => ({ path: p.path, blob: blobId(p.text), family: parseFamily(p.path, p.text) })),
  );
}

/** The five seeds at the paths the corpus history gives them (corpus plan.txt). */
export const SEED_PATHS: Record<string, string> = {
  'commercial-account-executive.md': 'content/job-families/sales/account-executive.md',
  'director-regional-sales.md': 'content/job-families/sales/regional-sales-director.md',
  'high-velocity-sales-and-first-orders.md': 'content/job-families/sales/high-velocity-sales-and-first-orders.md',
  'inside-sales-mid-market.md': 'content/job-families/sales/inside-sales-mid-market.md',
  'vp-of-commercial-sales.md': 'content/job-families/sales/vp-of-commercial-sales.md',
};

export function seedPage(name: string): PageText {
  const repoPath = SEED_PATHS[name];
  if (!repoPath) throw new Error(`unknown seed ${name}`);
  return { path: repoPath, text: fs.readFileSync(path.join(FIXTURES_DIR, 'seeds', name), 'utf8') };
}

export function seedPages(): PageText[] {
  return Object.keys(SEED_PATHS).map(seedPage);
}

/** A corpus file by its label and path under `versions/<label>/`, served at `repoPath` (default: the same path). */
export function corpusPage(label: string, sourcePath: string, repoPath: string = sourcePath): PageText {
  const file = path.join(FIXTURES_DIR, 'corpus', 'gitlab-job-families', 'versions', label, sourcePath);
  return { path: repoPath, text: fs.readFileSync(file, 'utf8') };
}

/** The page with one exact piece of text replaced; throws when the piece is not there, so a test cannot silently test the original. */
export function edit(page: PageText, from: string, to: string): PageText {
  if (!page.text.includes(from)) throw new Error(`${page.path} does not contain ${JSON.stringify(from)}`);
  return { ...page, text: page.text.replace(from, to) };
}
