// The embedded sample handbook: built from sample/history.json with fixed dates and authors, so two
// builds have the same head, and its history holds the changes the README's examples rely on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSampleRepo, SAMPLE_SOURCE_DIR } from '../../src/server/sample';
import { parseSampleHistory } from '../../src/server/sampleHistory';
import { FIXTURES_DIR } from '../helpers/makeRepo';

const SEEDS_DIR = path.join(FIXTURES_DIR, 'seeds');
const cacheDirs: string[] = [];

function tempCache(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-sample-test-'));
  cacheDirs.push(dir);
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } }).trim();
}

afterAll(() => {
  for (const dir of cacheDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ensureSampleRepo', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await ensureSampleRepo(tempCache());
  });

  it('builds the same head commit every time, in any folder', async () => {
    const other = await ensureSampleRepo(tempCache());
    expect(other).not.toBe(repo);
    expect(git(other, 'rev-parse', 'HEAD')).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(git(repo, 'rev-parse', 'v1')).toBe(git(repo, 'rev-list', '--max-parents=0', 'HEAD'));
  });

  it('replays the scripted commits with their authors and dates, oldest first', () => {
    const log = git(repo, 'log', '--reverse', '--format=%an|%aI|%s').split('\n');
    expect(log).toHaveLength(9);
    expect(log[0]).toBe('Handbook Import|2021-03-01T09:00:00+00:00|Import the sales job families');
    expect(log[2]).toBe('Dana Whitfield|2021-04-12T14:05:00+00:00|SMB Advocate Team Lead: regrade from 5 to 6 after the compensation review');
  });

  it('holds the regrade, the added role, the move, the ladder change and the removal', () => {
    const hv = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
    expect(git(repo, 'show', `HEAD~8:${hv}`)).toContain('The SMB Advocate Team Lead is a grade 5.');
    expect(git(repo, 'show', `HEAD~6:${hv}`)).toContain('The SMB Advocate Team Lead is a grade 6.');
    expect(git(repo, 'show', `HEAD~6:${hv}`)).not.toContain('## New Logo Sales Manager');
    expect(git(repo, 'show', `HEAD~5:${hv}`)).toContain('## New Logo Sales Manager');

    const moved = git(repo, 'show', '--format=', '--name-status', '-M', 'HEAD~4');
    expect(moved).toBe('R100\tcontent/job-families/sales/vp-of-commercial-sales/index.md\tcontent/job-families/sales/vp-of-commercial-sales.md');

    const ladder = git(repo, 'show', '--format=', 'HEAD~3');
    expect(ladder).toContain('+The Director, Regional Sales would move into the [VP, Enterprise Sales](/job-families/sales/vp-enterprise-sales/) Job Family, or the [VP, MM and SMB Sales](/job-families/sales/vp-of-commercial-sales/) Job Family.');

    expect(git(repo, 'show', '--format=', '--name-status', 'HEAD~1')).toBe('D\tcontent/job-families/finance/expense-specialist/index.md');
    expect(git(repo, 'show', 'HEAD:content/job-families/product/pricing.md')).toContain('[grade 9.5]');
  });

  it('ends with the five seeds byte for byte', () => {
    for (const name of fs.readdirSync(SEEDS_DIR)) {
      const atHead = git(repo, 'show', `HEAD:content/job-families/sales/${name}`);
      expect(atHead).toBe(fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8').trim());
    }
  });

  it('reuses a complete build and replaces one built from other inputs', async () => {
    const cache = tempCache();
    const first = await ensureSampleRepo(cache);
    const marker = path.join(first, 'marker');
    fs.writeFileSync(marker, 'kept while the inputs are the same');
    await ensureSampleRepo(cache);
    expect(fs.existsSync(marker)).toBe(true);

    fs.writeFileSync(path.join(first, '.git', 'rolegraph-sample'), 'inputs of an older rolegraph\n');
    const rebuilt = await ensureSampleRepo(cache);
    expect(rebuilt).toBe(first);
    expect(fs.existsSync(marker)).toBe(false);
    expect(git(rebuilt, 'rev-parse', 'HEAD')).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(fs.readdirSync(cache)).toEqual(['sample-handbook']);
  });
});

describe('parseSampleHistory', () => {
  it('accepts the shipped script', () => {
    const history = parseSampleHistory(fs.readFileSync(path.join(SAMPLE_SOURCE_DIR, 'history.json'), 'utf8'));
    expect(history.branch).toBe('main');
    expect(history.commits).toHaveLength(9);
  });

  it('names the commit and field of a mistake', () => {
    const bad = { branch: 'main', commits: [{ date: '2021-01-01', author: { name: 'a', email: 'b' }, message: 'm', changes: [] }] };
    expect(() => parseSampleHistory(JSON.stringify(bad))).toThrow('sample/history.json: commits[0].date: unexpected value "2021-01-01"');
    const escape = { ...bad, commits: [{ ...bad.commits[0], date: '2021-01-01T00:00:00Z', changes: [{ rm: '../../etc/passwd' }] }] };
    expect(() => parseSampleHistory(JSON.stringify(escape))).toThrow('commits[0].changes[0].rm');
    const option = { ...bad, commits: [{ ...bad.commits[0], date: '2021-01-01T00:00:00Z', changes: [{ put: '--exec=x', from: 'a' }] }] };
    expect(() => parseSampleHistory(JSON.stringify(option))).toThrow('commits[0].changes[0].put');
  });
});
