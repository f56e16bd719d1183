// Test helper: a GitSource held in memory, built from real file texts, so indexer behaviour that
// is awkward to stage with git (a rewritten history, a counted blob read) can be tested directly.
import type { CommitInfo, GitSource, TimelineStep, TreeEntry } from '../../src/git/types';
import { BadRefError } from '../../src/git/errors';
import { blobId, commitAt } from './realPages';

export interface MemoryCommit {
  /** Path → text (null deletes). */
  files: Record<string, string | null>;
  date?: string;
  /** Distinguishes otherwise identical commits of two histories. */
  salt?: string;
}

export class MemorySource implements GitSource {
  steps: TimelineStep[] = [];
  readonly texts = new Map<string, Buffer>();
  blobReads = 0;

  constructor(commits: MemoryCommit[]) {
    this.setHistory(commits);
  }

  /** Replaces the whole history (a force-push). */
  setHistory(commits: MemoryCommit[]): void {
    const files = new Map<string, string>();
    this.steps = commits.map((c, position) => {
      const base = commitAt(position, c.date);
      const commit: CommitInfo = { ...base, sha: blobId(`${base.sha}${c.salt ?? ''}`) };
      const changes: TimelineStep['changes'] = [];
      for (const [path, text] of Object.entries(c.files)) {
        const old = files.get(path) ?? null;
        if (text === null) {
          files.delete(path);
          changes.push({ status: 'D', oldPath: path, newPath: null, oldBlob: old, newBlob: null });
          continue;
        }
        const id = blobId(text);
        this.texts.set(id, Buffer.from(text, 'utf8'));
        files.set(path, id);
        changes.push({ status: old ? 'M' : 'A', oldPath: old ? path : null, newPath: path, oldBlob: old, newBlob: id });
      }
      return { commit, changes };
    });
  }

  async timeline(): Promise<TimelineStep[]> {
    return this.steps;
  }

  async tree(commit: string): Promise<TreeEntry[]> {
    const files = new Map<string, string>();
    for (const step of this.steps) {
      for (const c of step.changes) {
        if (c.oldPath) files.delete(c.oldPath);
        if (c.newPath && c.newBlob) files.set(c.newPath, c.newBlob);
      }
      if (step.commit.sha === commit) break;
    }
    return [...files].map(([path, blob]) => ({ path, blob }));
  }

  async readBlobs(ids: string[]): Promise<Map<string, Buffer | null>> {
    this.blobReads += ids.length;
    return new Map(ids.map((id) => [id, this.texts.get(id) ?? null]));
  }

  async resolveRef(ref: string): Promise<string> {
    const step = this.steps.find((s) => s.commit.sha.startsWith(ref));
    if (!step) throw new BadRefError(`unknown ref ${ref}`);
    return step.commit.sha;
  }

  async commitInfo(sha: string): Promise<CommitInfo> {
    const step = this.steps.find((s) => s.commit.sha === sha);
    if (!step) throw new BadRefError(`unknown commit ${sha}`);
    return { ...step.commit, position: -1 };
  }

  async update(): Promise<string> {
    return this.steps[this.steps.length - 1].commit.sha;
  }

  async close(): Promise<void> {}
}
