// One long-lived `git cat-file --batch` per repository. Requests are written as soon as they are
// made (pipelined) and answered in order, so reading thousands of blobs costs one process and no
// per-blob round trip. Responses are parsed from the raw byte stream: blobs are binary-safe.
// child_process.spawn, not simple-git: simple-git runs one buffered command per process and cannot
// hold a process open to answer request after request.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitCommandError } from './errors';
import { gitEnv } from './gitEnv';
import { gitArgs } from './spawnGit';
import { isFullObjectId } from './validate';

/** `<oid> <type> <size>` — the header before each object's content. */
const OBJECT_HEADER = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;
/** `<input> missing` (or `ambiguous`) — the whole answer when there is no such object. */
const MISSING_HEADER = /^(\S+) (missing|ambiguous)$/;

/** The process ended while requests were waiting (its stderr or exit code in the message). */
class ProcessDied extends GitCommandError {}

interface Pending {
  id: string;
  resolve(value: Buffer | null): void;
  reject(error: Error): void;
}

/** The object being received: its content is copied into a buffer of the announced size. */
interface Body {
  type: string;
  content: Buffer;
  filled: number;
}

export class CatFileBatch {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly queue: Pending[] = [];
  private headerParts: Buffer[] = [];
  private body: Body | null = null;
  /** Bytes of the newline that follows each object's content, still to be skipped. */
  private skipNewline = false;
  private closed = false;

  constructor(private readonly gitDir: string) {}

  /**
   * Content of a blob; null when it is missing or not a blob. A read cut short by the process dying
   * (killed, out of memory) is asked once more of a fresh process before it fails.
   */
  async read(id: string): Promise<Buffer | null> {
    try {
      return await this.readOnce(id);
    } catch (error) {
      if (this.closed || !(error instanceof ProcessDied)) throw error;
      return this.readOnce(id);
    }
  }

  private readOnce(id: string): Promise<Buffer | null> {
    if (this.closed) return Promise.reject(new GitCommandError('cat-file: reader is closed'));
    // Only full ids: the batch input also accepts `rev:path` and other syntax we never want.
    if (!isFullObjectId(id)) return Promise.resolve(null);
    const child = this.ensureProcess();
    return new Promise((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      child.stdin.write(`${id}\n`);
    });
  }

  /** Reads many blobs at once; duplicates are asked once. */
  async readMany(ids: readonly string[]): Promise<Map<string, Buffer | null>> {
    const unique = [...new Set(ids)];
    const contents = await Promise.all(unique.map((id) => this.read(id)));
    return new Map(unique.map((id, i) => [id, contents[i]]));
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('close', () => resolve());
      child.stdin.end();
    });
  }

  private ensureProcess(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', gitArgs({ gitDir: this.gitDir, op: 'cat-file' }, ['cat-file', '--batch']), {
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child = child;
    this.headerParts = [];
    this.body = null;
    this.skipNewline = false;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      try {
        this.consume(chunk);
      } catch (error) {
        this.fail(child, error instanceof Error ? error.message : String(error));
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    // A write after the process died raises EPIPE here; the close handler reports it.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => this.fail(child, error.message));
    child.on('close', (code) => this.fail(child, stderr.trim() || `exited with code ${code}`));
    return child;
  }

  /** The process died: everything still waiting fails, and the next read starts a new one. */
  private fail(child: ChildProcessWithoutNullStreams, reason: string): void {
    if (this.child !== child) return;
    this.child = null;
    const waiting = this.queue.splice(0);
    for (const pending of waiting) pending.reject(new ProcessDied(`git cat-file failed: ${reason}`));
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.skipNewline) {
        this.skipNewline = false;
        offset += 1;
        continue;
      }
      if (this.body) {
        const body = this.body;
        const take = Math.min(body.content.length - body.filled, chunk.length - offset);
        chunk.copy(body.content, body.filled, offset, offset + take);
        body.filled += take;
        offset += take;
        if (body.filled === body.content.length) {
          this.body = null;
          this.skipNewline = true;
          this.answer(body.type === 'blob' ? body.content : null);
        }
        continue;
      }
      const newline = chunk.indexOf(0x0a, offset);
      if (newline === -1) {
        this.headerParts.push(chunk.subarray(offset));
        return;
      }
      this.headerParts.push(chunk.subarray(offset, newline));
      offset = newline + 1;
      const header = Buffer.concat(this.headerParts).toString('utf8');
      this.headerParts = [];
      this.startObject(header);
    }
  }

  private startObject(header: string): void {
    const found = OBJECT_HEADER.exec(header);
    if (found) {
      const size = Number(found[3]);
      this.body = { type: found[2], content: Buffer.allocUnsafe(size), filled: 0 };
      if (size === 0) {
        this.body = null;
        this.skipNewline = true;
        this.answer(found[2] === 'blob' ? Buffer.alloc(0) : null);
      }
      return;
    }
    if (MISSING_HEADER.test(header)) return this.answer(null);
    throw new Error(`unexpected cat-file output: ${JSON.stringify(header.slice(0, 80))}`);
  }

  private answer(content: Buffer | null): void {
    const pending = this.queue.shift();
    if (!pending) throw new Error('cat-file answered a request nobody made');
    pending.resolve(content);
  }
}
