// Parses pages on the other cores: a cold build parses every page version of the history
// (38,000 at 20,000 commits), and markdown-it plus our parser is most of its time, so one thread
// cannot get near the git floor. The pool holds `worker_threads` running parseWorker.ts; pages go
// out as one transferred byte buffer per chunk and come back as each family's JSON text (what the
// pack stores anyway), cut at its roles so the interner can skip the roles it has seen. Workers hold no state between chunks, so any chunk can go to any worker.
//
// A worker that dies (out of memory on a pathological page, a crash) fails only its chunk: the
// chunk's pages are retried one by one on a fresh worker, and a page that kills a worker on its
// own is parsed on the calling thread (`local`), or without one comes back as an error for the
// caller to record on that family, never a failed index.
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FamilyJson } from './familyJson';
import { sliceAtPaths } from './parseOrder';

/** One chunk of pages for a worker: the texts back to back in `bytes`, page i ending at `ends[i]`. */
export interface ParseRequest {
  id: number;
  paths: string[];
  ends: number[];
  bytes: ArrayBuffer;
}

export interface ParseReply {
  id: number;
  /** Per page, in order: the parsed family as JSON text, cut at its roles (familyJson.ts). */
  families: FamilyJson[];
}

export interface ParsePage {
  path: string;
  text: Buffer;
}

/** Per page: the family's JSON text (cut at its roles), or why no worker could parse it. */
export type ParseOutcome = { json: FamilyJson } | { error: string };

export interface ParsePoolOptions {
  size: number;
  contentDir?: string;
  /** Bounds each worker's heap, so one page cannot take the process down (tests use small ones). */
  resourceLimits?: ResourceLimits;
  /** Parses one page on the calling thread: what `helpOne` runs, and the fallback for a page that kills its worker. */
  local?: (page: ParsePage) => FamilyJson;
}

/** Workers for this machine: one core is left to the main thread (git reads, interning, writes). */
export function defaultPoolSize(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * The compiled worker beside this file. Under ts-jest this file is TypeScript in src/ and a worker
 * cannot run it; the compiled twin in dist/ (built by jest's global setup) is used instead.
 */
export function workerFile(): string {
  if (path.extname(__filename) === '.js') return path.join(__dirname, 'parseWorker.js');
  return path.resolve(__dirname, '../../../dist/index/store/parseWorker.js');
}

/** Pages per message: small enough that an idle thread can help with the queue's tail (helpOne). */
const CHUNK_PAGES = 25;
/**
 * Chunks sent to a worker before it answers the first: a worker's next chunk is already in its
 * port when it finishes one. With one, a worker that finished while this thread was busy (interning
 * a batch, parsing a chunk in helpOne) waited for this thread to take its answer and dispatch: the
 * CPU profile of a cold 5k build showed the one worker idle 32% of its life (bench/ANALYSIS.md, wt/coldprof).
 */
const IN_FLIGHT = 2;

/**
 * V8's heap-size flags given to the process (the Docker image's NODE_OPTIONS sets the first two)
 * size every isolate made while they are set, and take precedence over a worker's resourceLimits:
 * under the image a parse worker got 32 MB of new space and a 768 MB old space instead of its own
 * limits, and V8 kept those pages for seconds after the worker ended, at a cold build's peak RSS
 * (bench/ANALYSIS.md, issue 15 target 6). An isolate reads them only when it is made, so this
 * thread keeps the heap it started with; cleared, they let the next worker's limits apply.
 */
const HEAP_SIZE_FLAGS = ['--max-old-space-size=0', '--max-semi-space-size=0', '--max-heap-size=0'];
let heapFlagsCleared = false;
function letWorkerLimitsApply(): void {
  if (heapFlagsCleared) return;
  for (const flag of HEAP_SIZE_FLAGS) v8.setFlagsFromString(flag);
  heapFlagsCleared = true;
}

/** Workers alive in this process, across pools: a closed pool leaves none behind. */
let live = 0;
export const liveWorkers = (): number => live;

interface Task {
  pages: ParsePage[];
  resolve(outcomes: ParseOutcome[]): void;
}

interface Slot {
  worker: Worker;
  /** The chunks sent to it, oldest first, with their message ids: it answers them in this order. */
  tasks: Array<{ id: number; task: Task }>;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: ParsePoolOptions) {
    for (let i = 0; i < Math.max(1, opts.size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Parses `pages` in chunks spread over the workers; outcomes in the order of `pages`. */
  async parse(pages: readonly ParsePage[]): Promise<ParseOutcome[]> {
    if (pages.length === 0) return [];
    const chunk = Math.min(CHUNK_PAGES, Math.max(1, Math.ceil(pages.length / this.slots.length)));
    return (await Promise.all(sliceAtPaths(pages, chunk).map((part) => this.submit(part)))).flat();
  }

  /**
   * Parses the last chunk no worker has taken yet on this thread (with `local`), for a caller that
   * would otherwise wait for the workers; false when there is none. It yields to the event loop
   * after each page: this thread also drains `git cat-file`'s pipe, and git stops writing while the
   * pipe is full. Parsing a whole chunk at once (10-15 ms) let git deliver ~64 KB per chunk, so
   * the next batch's pages came late and both threads waited (bench/ANALYSIS.md, issue 15 target 1).
   */
  async helpOne(): Promise<boolean> {
    const local = this.opts.local;
    if (!local || this.queue.length === 0) return false;
    const task = this.queue.pop()!;
    const outcomes: ParseOutcome[] = [];
    for (const page of task.pages) {
      outcomes.push({ json: local(page) });
      await yieldToEvents();
    }
    task.resolve(outcomes);
    return true;
  }

  /** The fallback for a page that killed its worker: `local`, or the worker's failure when there is none. */
  private parseHere(page: ParsePage, reason: string): ParseOutcome {
    const local = this.opts.local;
    if (!local) return { error: reason };
    try {
      return { json: local(page) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Stops every worker; chunks not yet answered come back as errors. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(task.pages.map(() => ({ error: 'parse pool closed' })));
    await Promise.all(
      this.slots.map(async (slot) => {
        for (const { task } of slot.tasks.splice(0)) task.resolve(task.pages.map(() => ({ error: 'parse pool closed' })));
        await slot.worker.terminate();
      }),
    );
  }

  /** A chunk a dead worker never started: back at the head of the queue, unsplit. */
  private requeue(task: Task): void {
    this.queue.unshift(task);
  }

  private submit(pages: ParsePage[]): Promise<ParseOutcome[]> {
    if (this.closed) return Promise.resolve(pages.map(() => ({ error: 'parse pool closed' })));
    return new Promise((resolve) => {
      const task: Task = { pages, resolve };
      this.queue.push(task);
      this.dispatch();
    });
  }

  private dispatch(): void {
    // Breadth first: every worker gets a chunk before any gets its second.
    for (let depth = 1; depth <= IN_FLIGHT; depth++) {
      for (const slot of this.slots) {
        if (slot.tasks.length >= depth || this.queue.length === 0) continue;
        const task = this.queue.shift()!;
        const id = this.nextId++;
        slot.tasks.push({ id, task });
        slot.worker.ref(); // a chunk in flight keeps the process alive until it is answered
        slot.worker.postMessage(...request(id, task.pages));
      }
    }
  }

  private spawn(): Slot {
    if (this.opts.resourceLimits) letWorkerLimitsApply();
    const worker = new Worker(workerFile(), { workerData: { contentDir: this.opts.contentDir }, resourceLimits: this.opts.resourceLimits });
    const slot: Slot = { worker, tasks: [] };
    live += 1;
    worker.on('message', (reply: ParseReply) => {
      const first = slot.tasks[0];
      if (!first || reply.id !== first.id) return;
      slot.tasks.shift();
      if (slot.tasks.length === 0) worker.unref();
      first.task.resolve(reply.families.map((json) => ({ json })));
      this.dispatch();
    });
    // 'error' is followed by 'exit'; the exit is where the chunk is retried.
    let failure: string | null = null;
    worker.on('error', (err) => (failure = err.message));
    worker.on('exit', (code) => {
      live -= 1;
      if (this.closed) return;
      const lost = slot.tasks.splice(0);
      const reason = failure ?? `parse worker exited with code ${code}`;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      // The chunk it was parsing is the one at fault; the ones queued behind it in its port go again as they were.
      lost.forEach(({ task }, i) => (i === 0 ? this.retry(task, reason) : this.requeue(task)));
      this.dispatch();
    });
    worker.unref(); // an idle worker is never the reason a process stays alive; close() ends them
    return slot;
  }

  /**
   * A chunk whose worker died: its pages again one by one, so only the page at fault fails; that
   * page is then parsed on this thread when the pool has `local`. Workers run under a heap limit
   * (see WORKER_LIMITS in blobCache.ts) far below this thread's, so a page too large for a worker
   * is parsed as it was before the pool existed, not lost.
   */
  private retry(task: Task, reason: string): void {
    if (task.pages.length === 1) {
      task.resolve([this.parseHere(task.pages[0], reason)]);
      return;
    }
    void Promise.all(task.pages.map((page) => this.submit([page]))).then((outcomes) => task.resolve(outcomes.flat()));
  }
}

/** Lets the event loop run what is ready (I/O, worker answers) before going on. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A chunk as a message: one buffer holding every text, transferred rather than copied. */
function request(id: number, pages: readonly ParsePage[]): [ParseRequest, ArrayBuffer[]] {
  let total = 0;
  for (const page of pages) total += page.text.length;
  const bytes = new ArrayBuffer(total);
  const view = new Uint8Array(bytes);
  const ends: number[] = [];
  let at = 0;
  for (const page of pages) {
    view.set(page.text, at);
    at += page.text.length;
    ends.push(at);
  }
  return [{ id, paths: pages.map((p) => p.path), ends, bytes }, [bytes]];
}
