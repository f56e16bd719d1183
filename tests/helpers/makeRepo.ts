// Builds a small, readable git history in a temp folder for tests:
//   const repo = await makeRepo([{ message: 'add', files: { 'content/job-families/sales/x.md': text } }])
// A file value of null deletes it; `renames` moves files with `git mv` before the files are written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
};

export function makeRepo(commits: CommitSpec[] = [], opts: { bare?: boolean; branch?: string } = {}): TestRepo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-repo-'));
  let count = 0;
  const run = (args: string[], env: Record<string, string> = {}): string =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV, ...env }, encoding: 'utf8' }).trim();
  run(['init', '-q', '-b', opts.branch ?? 'main']);
  const repo: TestRepo = {
    dir,
    git: (...args) => run(args),
    commit(spec) {
      for (const [from, to] of spec.renames ?? []) {
        fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
        run(['mv', '--', from, to]);
      }
      for (const [file, text] of Object.entries(spec.files ?? {})) {
        const full = path.join(dir, file);
        if (text === null) {
          run(['rm', '-q', '--', file]);
        } else {
          fs.mkdirSync(path.dirname(full), { recursive: true });
          fs.writeFileSync(full, text);
          run(['add', '--', file]);
        }
      }
      const date = spec.date ?? new Date(Date.UTC(2021, 0, 1 + count)).toISOString();
      count += 1;
      run(['commit', '-q', '--allow-empty', '--no-verify', '-m', spec.message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      if (spec.tag) run(['tag', spec.tag]);
      return run(['rev-parse', 'HEAD']);
    },
    head: () => run(['rev-parse', 'HEAD']),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
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
