import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureGitFloor } from '../../bench/floor';
import { generateHandbook, type GenerateResult } from '../../bench/generate';
import { benchGitEnv } from '../../bench/gitProcess';

const CONTENT = 'content/job-families';

function gitIn(dir: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: dir, env: benchGitEnv(), encoding: 'utf8', input, maxBuffer: 1 << 28 });
}

describe('measureGitFloor', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-floor-'));
  let repo: GenerateResult;
  beforeAll(async () => {
    repo = await generateHandbook({ dest: path.join(root, 'r'), seed: 3, families: 30, commits: 120 });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts the content commits, distinct blobs and their bytes that plain git reports', async () => {
    const floor = await measureGitFloor(repo.dest, CONTENT);
    const commits = Number(gitIn(repo.dest, ['rev-list', '--first-parent', '--count', 'main', '--', CONTENT]));
    const raw = gitIn(repo.dest, ['log', '--first-parent', '--root', '--diff-merges=first-parent', '--raw', '--no-abbrev', '--format=', 'main', '--', CONTENT]);
    const ids = new Set<string>();
    for (const line of raw.split('\n')) {
      const fields = line.split(/[ \t]/);
      for (const id of [fields[2], fields[3]]) if (id && /^[0-9a-f]{40}$/.test(id) && !/^0+$/.test(id)) ids.add(id);
    }
    const sizes = gitIn(repo.dest, ['cat-file', '--batch-check'], `${[...ids].join('\n')}\n`)
      .trim()
      .split('\n')
      .map((l) => Number(l.split(' ')[2]));
    expect(floor.commits).toBe(commits);
    // Commits outside the content folder (README, team page) are not part of the floor.
    expect(floor.commits).toBeLessThanOrEqual(120);
    expect(floor.blobs).toBe(ids.size);
    expect(floor.bytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(floor.ms).toBeGreaterThanOrEqual(floor.logMs);
  });

  it('fails loudly on a folder that is not a repository', async () => {
    await expect(measureGitFloor(root, CONTENT)).rejects.toThrow(/git log exited/);
  });
});
