import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateHandbook, type GenerateResult } from '../../bench/generate';
import { benchGitEnv } from '../../bench/gitProcess';
import { parseFamily } from '../../src/parse/parseFamily';

const CONTENT = 'content/job-families';

function gitIn(dir: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: dir, env: benchGitEnv(), encoding: 'utf8', input, maxBuffer: 1 << 28 });
}

/** Every (path, blob) a first-parent commit writes into the content folder, the root commit included. */
function writtenBlobs(dir: string): Array<{ path: string; blob: string }> {
  const out = gitIn(dir, ['log', '--first-parent', '--root', '--diff-merges=first-parent', '--raw', '--no-abbrev', '--format=', 'main', '--', CONTENT]);
  const seen = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AM]\t(.+)$/.exec(line);
    if (m && m[1] && m[2]) seen.set(m[1], m[2]);
  }
  return [...seen].map(([blob, p]) => ({ path: p, blob }));
}

/** One `git cat-file --batch` for all ids: `<id> blob <size>\n<content>\n` per blob. */
function readBlobs(dir: string, ids: string[]): string[] {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: dir, env: benchGitEnv(), input: `${ids.join('\n')}\n`, maxBuffer: 1 << 28 });
  const texts: string[] = [];
  let at = 0;
  for (const id of ids) {
    const nl = out.indexOf(0x0a, at);
    const [got, type, size] = out.subarray(at, nl).toString('latin1').split(' ');
    expect([got, type]).toEqual([id, 'blob']);
    texts.push(out.subarray(nl + 1, nl + 1 + Number(size)).toString('utf8'));
    at = nl + 1 + Number(size) + 1;
  }
  return texts;
}

describe('generateHandbook', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-bench-'));
  const opts = { seed: 7, families: 50, commits: 200 };
  let first: GenerateResult;
  let again: GenerateResult;
  let other: GenerateResult;

  beforeAll(async () => {
    first = await generateHandbook({ ...opts, dest: path.join(root, 'a') });
    again = await generateHandbook({ ...opts, dest: path.join(root, 'b') });
    other = await generateHandbook({ ...opts, seed: 8, dest: path.join(root, 'c') });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is deterministic: the same seed gives the same head sha, another seed another', () => {
    expect(first.head).toMatch(/^[0-9a-f]{40}$/);
    expect(again.head).toBe(first.head);
    expect(other.head).not.toBe(first.head);
    expect(gitIn(first.dest, ['rev-parse', 'main']).trim()).toBe(first.head);
  });

  it('grows by extension: a shorter history with the same seed is the prefix of a longer one', async () => {
    const short = await generateHandbook({ ...opts, commits: 120, dest: path.join(root, 'short') });
    const fp = gitIn(first.dest, ['rev-list', '--first-parent', '--reverse', 'main']).trim().split('\n');
    expect(fp[119]).toBe(short.head);
  });

  it('has exactly the requested number of first-parent commits, plus side-branch commits of its merges', () => {
    expect(Number(gitIn(first.dest, ['rev-list', '--first-parent', '--count', 'main']))).toBe(200);
    expect(Number(gitIn(first.dest, ['rev-list', '--count', 'main']))).toBe(first.totalCommits);
    const merges = Number(gitIn(first.dest, ['rev-list', '--merges', '--count', 'main']));
    expect(merges).toBe(first.merges);
    expect(merges).toBeGreaterThan(0);
    expect(first.totalCommits).toBeGreaterThan(200);
    // Only main is left: the topic branch is deleted once merged, as GitLab does.
    expect(gitIn(first.dest, ['for-each-ref', '--format=%(refname)']).trim()).toBe('refs/heads/main');
  });

  it('moves pages between path shapes, which git sees as renames', () => {
    const renames = gitIn(first.dest, ['log', '--first-parent', '-M', '--diff-filter=R', '--name-status', '--format=', 'main', '--', CONTENT])
      .split('\n')
      .filter((l) => l.startsWith('R'));
    expect(renames.length).toBeGreaterThan(0);
    const shapes = renames.map((l) => l.split('\t').slice(1).map((p) => (p.endsWith('/index.md') ? 'index' : p.endsWith('/index.html.md') ? 'indexHtml' : 'file')));
    for (const [from, to] of shapes) expect(from).not.toBe(to);
  });

  it('adds new families after the first import, and counts the files at head', () => {
    const added = gitIn(first.dest, ['log', '--first-parent', '--no-renames', '--diff-filter=A', '--name-only', '--format=%s', 'main', '--', CONTENT]);
    expect(added).toMatch(/^Add the .+ job family\n\ncontent\/job-families\/[a-z-]+\/[a-z0-9-]+(\.md|\/index\.md|\/index\.html\.md)$/m);
    const files = gitIn(first.dest, ['ls-tree', '-r', '--name-only', 'main', '--', CONTENT]).trim().split('\n');
    expect(files.length).toBe(first.files);
    expect(files.filter((f) => f.endsWith('/_index.md')).length).toBe(20);
    expect(first.families).toBe(first.files - 20);
  });

  it('writes family pages with multi-role sections, grades, ladder links and a hiring process', () => {
    const texts = readBlobs(first.dest, writtenBlobs(first.dest).filter((b) => !b.path.endsWith('_index.md')).map((b) => b.blob));
    expect(texts.length).toBeGreaterThan(50);
    const multi = texts.filter((t) => /^## .+\n\n(The .+ reports to the .+\.\n\n)?(.+\n\n)?### (.+ )?Job Grade$/m.test(t));
    expect(multi.length).toBeGreaterThan(texts.length / 2);
    for (const text of texts) {
      expect(text).toMatch(/^---\ntitle: "[^"]+"\n/);
      expect(text).toMatch(/is a (\[grade \d+(\.5)?\]\(\/handbook\/[^)]+\)|grade (level )?\d+(\.5)?)\./);
    }
    expect(texts.some((t) => /\]\((https:\/\/handbook\.gitlab\.com)?\/job-families\/[a-z-]+\/[a-z0-9-]+\/\)/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('## Hiring Process'))).toBe(true);
  });

  it('every file it ever writes parses with parseFamily: families with graded roles, department pages', () => {
    const blobs = writtenBlobs(first.dest);
    const texts = readBlobs(first.dest, blobs.map((b) => b.blob));
    blobs.forEach(({ path: p }, i) => {
      const family = parseFamily(p, texts[i]!);
      if (p.endsWith('/_index.md')) {
        expect(family.kind).toBe('department');
        return;
      }
      expect(family.kind).toBe('family');
      expect(family.roles.length).toBeGreaterThanOrEqual(1);
      for (const role of family.roles) expect(role.grade).not.toBeNull();
    });
  });
});
