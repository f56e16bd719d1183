// Makes "one new commit pushed" happen in a bare repository without a working tree: edit one family
// page at the tip of main with plumbing (hash-object, a throwaway index, commit-tree) and move the
// branch with a compare-and-swap update-ref — what a push does to the remote's refs.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchGitEnv } from './gitProcess';

const BRANCH_REF = 'refs/heads/main';

function run(gitDir: string, args: readonly string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', [`--git-dir=${gitDir}`, ...args], { env: { ...benchGitEnv(), ...opts.env }, maxBuffer: 1 << 28, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args[0] ?? ''} failed: ${stderr.trim() || err.message}`));
      else resolve(stdout.trim());
    });
    // Only commands that read stdin get it; writing to one that exited first would be EPIPE.
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** A bullet added in front of the page's first list item (a role's first responsibility), so a role changes. */
function withBullet(text: string, n: number): string {
  const bullet = `- Review the team's pipeline with finance every week (bench edit ${n}).\n`;
  const at = text.indexOf('\n- ');
  return at < 0 ? `${text}\n${bullet}` : `${text.slice(0, at + 1)}${bullet}${text.slice(at + 1)}`;
}

/** Appends a commit that adds one responsibility to the `n`-th page (by a fixed stride) of `contentDir`. Returns its sha. */
export async function appendCommit(gitDir: string, contentDir: string, n: number): Promise<string> {
  const head = await run(gitDir, ['rev-parse', '--verify', `${BRANCH_REF}^{commit}`]);
  const pages = (await run(gitDir, ['ls-tree', '-r', '--name-only', head, '--', contentDir])).split('\n').filter((p) => p.endsWith('.md'));
  if (pages.length === 0) throw new Error(`no pages under ${contentDir}`);
  const page = pages[(n * 7919) % pages.length]!;
  const text = await run(gitDir, ['cat-file', 'blob', `${head}:${page}`]);
  const blob = await run(gitDir, ['hash-object', '-w', '--stdin'], { input: withBullet(text, n) });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-bench-index-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
    await run(gitDir, ['read-tree', head], { env });
    await run(gitDir, ['update-index', '--cacheinfo', `100644,${blob},${page}`], { env });
    const tree = await run(gitDir, ['write-tree'], { env });
    const date = new Date(Date.UTC(2030, 0, 1) + n * 60_000).toISOString();
    const who = { GIT_AUTHOR_NAME: 'Bench Bot', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench Bot', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const sha = await run(gitDir, ['commit-tree', tree, '-p', head, '-m', `Bench edit ${n} of ${page}`], { env: who });
    await run(gitDir, ['update-ref', BRANCH_REF, sha, head]);
    return sha;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
