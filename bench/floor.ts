// The "git floor": the least work any indexer of a repository must do — walk the first-parent
// history of the content folder and read every blob it names once. The index's own times are
// reported as multiples of this, measured in the same run on the same machine.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import MarkdownIt from 'markdown-it';
import { benchGitEnv } from './gitProcess';

export interface GitFloor {
  /** Wall time of both steps. */
  ms: number;
  logMs: number;
  catMs: number;
  /** First-parent commits that touch the content folder. */
  commits: number;
  /** Distinct blobs named by those commits (added or modified files). */
  blobs: number;
  /** Total size of those blobs. */
  bytes: number;
}

const ZERO_ID = /^0+$/;
/** The blob ids of a `--raw` record: `:100644 100644 <old> <new> M` (with -z the path follows in its own field). */
const RAW_RECORD = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]\d*$/;
/** A `--format=%x01%H` commit line; -z ends it with NUL like the raw fields. */
const COMMIT_MARK = '\x01';

/** Runs git, handing stdout to `onChunk` as it streams; rejects on a non-zero exit. */
async function stream(repoDir: string, args: string[], onChunk: (b: Buffer) => void, input?: string): Promise<void> {
  const child = spawn('git', args, { cwd: repoDir, env: benchGitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString('utf8');
  });
  child.stdout.on('data', onChunk);
  const closed = once(child, 'close') as Promise<[number | null]>;
  // A git that fails early closes its stdin; the exit code below reports that, not an EPIPE.
  child.stdin.on('error', () => undefined);
  child.stdin.end(input ?? '');
  const [code] = await closed;
  if (code !== 0) throw new Error(`git ${args[0]} exited with ${code}: ${stderr.trim()}`);
}

/**
 * The same walk the index's timeline makes (`--root` so the first commit's files count,
 * merges diffed against their first parent, `-M` renames), limited to the content folder.
 */
async function walkLog(repoDir: string, contentDir: string): Promise<{ commits: number; blobs: Set<string> }> {
  const blobs = new Set<string>();
  let commits = 0;
  let rest = '';
  const take = (field: string): void => {
    if (field.startsWith(COMMIT_MARK)) {
      commits += 1;
      return;
    }
    const raw = RAW_RECORD.exec(field.replace(/^\n+/, ''));
    if (!raw) return;
    for (const id of [raw[1], raw[2]]) if (id && !ZERO_ID.test(id)) blobs.add(id);
  };
  await stream(
    repoDir,
    ['log', '--first-parent', '--root', '--diff-merges=first-parent', '--raw', '-M', '--no-abbrev', '-z', '--format=%x01%H', 'HEAD', '--', contentDir],
    (chunk) => {
      const fields = (rest + chunk.toString('latin1')).split('\0');
      rest = fields.pop() ?? '';
      for (const field of fields) take(field);
    },
  );
  if (rest) take(rest);
  return { commits, blobs };
}

/**
 * Reads every blob through one `git cat-file --batch`, parsing the headers to count the bytes.
 * With `onBlob`, each body is also gathered and handed over whole (the parser floor below).
 */
async function readBlobs(repoDir: string, ids: readonly string[], onBlob?: (body: Buffer) => void): Promise<number> {
  let bytes = 0;
  let pending: Buffer = Buffer.alloc(0);
  let skip = 0; // bytes of the current blob body (plus its trailing LF) still to pass over
  let body: Buffer[] = [];
  let bodyLeft = 0; // bytes of the current body still to gather (onBlob only)
  await stream(
    repoDir,
    ['cat-file', '--batch'],
    (chunk) => {
      let buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (skip > 0) {
          const n = Math.min(skip, buf.length);
          if (onBlob && bodyLeft > 0) {
            const take = Math.min(bodyLeft, n);
            body.push(buf.subarray(0, take));
            bodyLeft -= take;
            if (bodyLeft === 0) {
              onBlob(Buffer.concat(body));
              body = [];
            }
          }
          skip -= n;
          buf = buf.subarray(n);
          if (skip > 0) break;
        }
        const nl = buf.indexOf(0x0a);
        if (nl < 0) break;
        const header = buf.subarray(0, nl).toString('latin1').split(' ');
        buf = buf.subarray(nl + 1);
        if (header[1] === 'missing') throw new Error(`blob ${header[0]} is missing`);
        const size = Number(header[2]);
        bytes += size;
        skip = size + 1;
        bodyLeft = size;
        if (onBlob && size === 0) onBlob(Buffer.alloc(0));
      }
      pending = Buffer.from(buf);
    },
    ids.length > 0 ? `${ids.join('\n')}\n` : '',
  );
  return bytes;
}

export async function measureGitFloor(repoDir: string, contentDir: string): Promise<GitFloor> {
  const t0 = process.hrtime.bigint();
  const { commits, blobs } = await walkLog(repoDir, contentDir);
  const t1 = process.hrtime.bigint();
  const bytes = await readBlobs(repoDir, [...blobs]);
  const t2 = process.hrtime.bigint();
  const ms = (a: bigint, b: bigint): number => Number(b - a) / 1e6;
  return { ms: ms(t0, t2), logMs: ms(t0, t1), catMs: ms(t1, t2), commits, blobs: blobs.size, bytes };
}

/**
 * The floor plus markdown-it tokenising every blob, serially, with the options the parser uses
 * (src/parse/sections.ts): what a one-thread indexer cannot go below before any work of its own,
 * so the index's own share of a cold build is visible beside the git floor.
 */
export async function measureParserFloor(repoDir: string, contentDir: string): Promise<{ ms: number; markdownMs: number }> {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  const t0 = process.hrtime.bigint();
  const { blobs } = await walkLog(repoDir, contentDir);
  let markdownNs = 0n;
  await readBlobs(repoDir, [...blobs], (body) => {
    const p0 = process.hrtime.bigint();
    md.parse(body.toString('utf8'), {});
    markdownNs += process.hrtime.bigint() - p0;
  });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, markdownMs: Number(markdownNs) / 1e6 };
}
