// Test helper: real seed and corpus files parsed by the real parser, as the index would see them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CommitInfo } from '../../src/git/types';
import { parseFamily } from '../../src/parse/parseFamily';
import type { PageVersion } from '../../src/index/snapshot';
import { CORPUS_DIR, seed } from '../helpers/makeRepo';

/** A file from the corpus's `versions/` folder, e.g. `zy-16a2d30/content/job-families/sales/area-sales-manager.md`. */
export function corpusFile(rel: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, 'versions', rel), 'utf8');
}

/** git's blob id of a text, so pages carry the id git would give them. */
export function blobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function page(repoPath: string, text: string): PageVersion {
  return { path: repoPath, blob: blobId(text), family: parseFamily(repoPath, text) };
}

/** A seed at `content/job-families/sales/<name>`. */
export function seedPage(name: string, text = seed(name)): PageVersion {
  return page(`content/job-families/sales/${name}`, text);
}

export function commitAt(position: number, date = new Date(Date.UTC(2021, 0, 1 + position)).toISOString()): CommitInfo {
  const sha = createHash('sha1').update(`commit ${position}`).digest('hex');
  return { sha, position, message: `commit ${position}`, authorName: 'A', authorEmail: 'a@example.com', date, parents: [] };
}

/** Replaces one exact passage of a real file, failing loudly if the passage is not there. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`passage not found: ${from}`);
  return text.replace(from, to);
}
