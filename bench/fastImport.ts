// One `git fast-import` process fed through stdin: the only way to write tens of thousands of
// commits in seconds (a `git commit` per commit would take many minutes). Writes wait for the pipe
// to drain so memory stays flat however long the history.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface Identity {
  name: string;
  email: string;
}

export interface FastImportCommit {
  ref: string;
  mark: number;
  author: Identity;
  /** Seconds since the epoch, UTC. */
  time: number;
  message: string;
  from: number | null;
  merge: number | null;
  /** Path → blob mark (written earlier with `blob`), or null to delete the path. */
  changes: ReadonlyArray<[path: string, blobMark: number | null]>;
}

export interface FastImport {
  blob(mark: number, content: string): Promise<void>;
  commit(c: FastImportCommit): Promise<void>;
  /** Ends the stream and waits for git to finish writing the pack. */
  close(): Promise<void>;
}

/** fast-import's exact-length `data` command; the byte count (not the character count) matters. */
function data(content: string): string {
  return `data ${Buffer.byteLength(content, 'utf8')}\n${content}`;
}

/** Paths we generate are plain ASCII; refuse anything fast-import would need quoted. */
const PLAIN_PATH = /^[A-Za-z0-9._\/-]+$/;

export function startFastImport(repoDir: string, env: NodeJS.ProcessEnv): FastImport {
  const child = spawn('git', ['fast-import', '--quiet', '--done', '--date-format=raw'], {
    cwd: repoDir,
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'close') as Promise<[number | null]>;
  let failed: Error | null = null;
  child.stdin.on('error', (err) => {
    failed = err;
  });

  const write = async (text: string): Promise<void> => {
    if (failed) throw new Error(`git fast-import failed: ${stderr || (failed as Error).message}`);
    if (!child.stdin.write(text)) await Promise.race([once(child.stdin, 'drain'), exited]);
  };

  return {
    blob: (mark, content) => write(`blob\nmark :${mark}\n${data(content)}\n`),
    commit(c) {
      const who = `${c.author.name} <${c.author.email}> ${c.time} +0000`;
      const lines = [`commit ${c.ref}`, `mark :${c.mark}`, `author ${who}`, `committer ${who}`, data(c.message)];
      if (c.from !== null) lines.push(`from :${c.from}`);
      if (c.merge !== null) lines.push(`merge :${c.merge}`);
      for (const [path, blobMark] of c.changes) {
        if (!PLAIN_PATH.test(path)) throw new Error(`unexpected path ${path}`);
        lines.push(blobMark === null ? `D ${path}` : `M 100644 :${blobMark} ${path}`);
      }
      return write(`${lines.join('\n')}\n\n`);
    },
    async close() {
      child.stdin.end('done\n');
      const [code] = await exited;
      if (code !== 0) throw new Error(`git fast-import exited with ${code}: ${stderr.trim()}`);
    },
  };
}
