import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHistory, listPaths, pushEdit, type HistoryCommit } from '../../src/git/writeHistory';

const PAGE = 'content/job-families/sales/account-executive.md';
const HISTORY: HistoryCommit[] = [
  { message: 'Add the account executive', date: '2021-01-01T00:00:00Z', files: { [PAGE]: '# Account Executive\n\n- Sell.\n' } },
  { message: 'Move it under its folder', date: '2021-01-02T00:00:00Z', renames: [[PAGE, 'content/job-families/sales/account-executive/index.md']], tag: 'v1' },
  { message: 'Retire it', date: '2021-01-03T00:00:00Z', author: { name: 'Handbook Bot', email: 'bot@example.com' }, files: { 'content/job-families/sales/account-executive/index.md': null } },
];

describe('writeHistory', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-history-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('writes the same commit ids from the same history, whoever runs it', () => {
    const shas = [tempDir(), tempDir()].map((dir) => {
      const writer = createHistory(dir);
      return HISTORY.map((change) => writer.commit(change));
    });
    expect(shas[0]).toEqual(shas[1]);
    expect(new Set(shas[0]).size).toBe(3);
  });

  it('records moves, deletions, tags, authors and dates as given', () => {
    const writer = createHistory(tempDir(), { branch: 'handbook' });
    HISTORY.forEach((change) => writer.commit(change));
    expect(writer.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('handbook');
    expect(writer.git('log', '--format=%s|%an|%aI', '--reverse').split('\n')).toEqual([
      'Add the account executive|Test Author|2021-01-01T00:00:00+00:00',
      'Move it under its folder|Test Author|2021-01-02T00:00:00+00:00',
      'Retire it|Handbook Bot|2021-01-03T00:00:00+00:00',
    ]);
    expect(writer.git('ls-tree', '-r', '--name-only', 'v1')).toBe('content/job-families/sales/account-executive/index.md');
    expect(writer.git('ls-tree', '-r', '--name-only', 'HEAD')).toBe('');
  });

  it('pushes one edited page to a bare repository by moving its branch', async () => {
    const work = createHistory(tempDir());
    const first = work.commit(HISTORY[0]!);
    const bare = tempDir();
    execFileSync('git', ['clone', '-q', '--bare', work.dir, bare]);
    expect(await listPaths(bare, 'main', 'content/job-families')).toEqual([PAGE]);
    const sha = await pushEdit(bare, { branch: 'main', path: PAGE, edit: (text) => `${text}- Forecast.\n`, message: 'Add forecasting', date: '2021-02-01T00:00:00Z' });
    const show = (...args: string[]) => execFileSync('git', [`--git-dir=${bare}`, ...args], { encoding: 'utf8' }).trim();
    expect(show('rev-parse', 'refs/heads/main')).toBe(sha);
    expect(show('rev-parse', `${sha}^`)).toBe(first);
    expect(show('cat-file', 'blob', `${sha}:${PAGE}`)).toBe('# Account Executive\n\n- Sell.\n- Forecast.');
  });
});
