import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendCommit } from '../../bench/appendCommit';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';

const PAGE = 'content/job-families/sales/account-executive.md';
const TEXT = '---\ntitle: "Account Executive"\n---\n\n## Responsibilities\n\n- Close deals\n- Forecast\n';

let repo: TestRepo;
let bare: string;
const git = (...args: string[]): string => execFileSync('git', [`--git-dir=${bare}`, ...args], { encoding: 'utf8' }).trim();

beforeAll(() => {
  repo = makeRepo([{ message: 'add', files: { [PAGE]: TEXT, 'README.md': 'outside the content folder\n' } }]);
  bare = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-append-')), 'remote.git');
  execFileSync('git', ['clone', '--bare', '--quiet', repo.dir, bare]);
});

afterAll(() => {
  repo?.cleanup();
  if (bare) fs.rmSync(path.dirname(bare), { recursive: true, force: true });
});

describe('appendCommit', () => {
  it('moves main to a child of the old tip that adds one bullet in front of the first list item', async () => {
    const before = git('rev-parse', 'main');
    const sha = await appendCommit(bare, 'content/job-families', 0);
    expect(git('rev-parse', 'main')).toBe(sha);
    expect(git('rev-parse', `${sha}^`)).toBe(before);
    expect(git('diff-tree', '--no-commit-id', '--name-only', '-r', before, sha)).toBe(PAGE);
    const after = git('cat-file', 'blob', `${sha}:${PAGE}`);
    expect(after).toBe(TEXT.replace('- Close deals', "- Review the team's pipeline with finance every week (bench edit 0).\n- Close deals").trim());
    expect(git('cat-file', 'blob', `${sha}:README.md`)).toBe('outside the content folder');
  });

  it('stacks: each call builds on the previous tip', async () => {
    const tip = git('rev-parse', 'main');
    const sha = await appendCommit(bare, 'content/job-families', 1);
    expect(git('rev-parse', `${sha}^`)).toBe(tip);
    expect(git('cat-file', 'blob', `${sha}:${PAGE}`)).toContain('(bench edit 1)');
  });
});
