// Builds a small, readable git history in a temp folder for tests:
//   const repo = await makeRepo([{ message: 'add', files: { 'content/job-families/sales/x.md': text } }])
// A file value of null deletes it; `renames` moves files with `git mv` before the files are written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHistory } from '../../src/git';

export interface CommitSpec {
  message: string;
  files?: Record<string, string | null>;
  renames?: Array<[from: string, to: string]>;
  /** ISO date; commits default to one day apart from 2021-01-01. */
  date?: string;
  tag?: string;
}

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  commit(spec: CommitSpec): string;
  head(): string;
  cleanup(): void;
}

/** A readable history through the git layer's own writer (src/git/writeHistory.ts). */
export function makeRepo(commits: CommitSpec[] = [], opts: { branch?: string } = {}): TestRepo {
  const writer = createHistory(fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-repo-')), { branch: opts.branch ?? 'main' });
  let count = 0;
  const repo: TestRepo = {
    dir: writer.dir,
    git: writer.git,
    commit(spec) {
      const date = spec.date ?? new Date(Date.UTC(2021, 0, 1 + count)).toISOString();
      count += 1;
      return writer.commit({ ...spec, date });
    },
    head: () => writer.git('rev-parse', 'HEAD'),
    cleanup: () => fs.rmSync(writer.dir, { recursive: true, force: true }),
  };
  for (const spec of commits) repo.commit(spec);
  return repo;
}

/** Reads a seed file from tests/fixtures/seeds. */
export function seed(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, 'seeds', name), 'utf8');
}

/** The real handbook pages the tests read, kept in the repository (see tests/fixtures/README.md). */
export const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');
export const CORPUS_DIR = path.join(FIXTURES_DIR, 'corpus', 'gitlab-job-families');

/** Builds the corpus's 31-commit history with tests/fixtures/corpus/build-history.sh into a fresh temp dir. */
export function buildCorpusHistory(): string {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-corpus-'));
  execFileSync('bash', [path.join(FIXTURES_DIR, 'corpus', 'build-history.sh'), dest], { stdio: 'pipe' });
  return dest;
}
