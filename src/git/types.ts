// Plain data the git layer returns. It knows nothing of roles.

export interface CommitInfo {
  sha: string;
  /** First-parent history position, 0 = oldest commit of the tracked branch. */
  position: number;
  message: string;
  authorName: string;
  authorEmail: string;
  /** ISO-8601 committer date. */
  date: string;
  parents: string[];
}

export type ChangeStatus = 'A' | 'M' | 'D' | 'R';

/** One path changed by a commit relative to its first parent, limited to the content folder. */
export interface PathChange {
  status: ChangeStatus;
  /** Path before (null when added). Repository-relative. */
  oldPath: string | null;
  /** Path after (null when deleted). */
  newPath: string | null;
  oldBlob: string | null;
  newBlob: string | null;
}

export interface TimelineStep {
  commit: CommitInfo;
  changes: PathChange[];
}

/** A file in the content folder at some commit. */
export interface TreeEntry {
  path: string;
  blob: string;
}

/**
 * The narrow view of a git repository that the index needs. Tests can replace it with plain data;
 * the real one runs git (see gitSource.ts).
 */
export interface GitSource {
  /**
   * First-parent timeline of the tracked branch, oldest first, each step with its changes in `contentDir`
   * (ANY_CONTENT_ROOT: below every folder named job-families, see contentRoot.ts).
   * Every first-parent commit is a step (empty `changes` when it touched nothing in the folder).
   * `head` (a full sha, e.g. the one `update()` returned) pins where it ends; default: the branch now.
   * `since` (a full sha) asks for only the steps after it (`git log --first-parent since..head`),
   * positions counted from 0 at the first returned step (the caller adds its own offset). When
   * `since` is a first-parent ancestor of head, the first step's `parents[0]` is `since` (no steps
   * when equal); otherwise the steps are some other cut of history, and the caller must check.
   * A source may ignore `since` and return the whole timeline (its first step then has no parents).
   */
  timeline(contentDir: string, head?: string, since?: string): Promise<TimelineStep[]>;
  /** Files in `contentDir` (or below every job-families folder) at a commit, for commits outside the timeline. */
  tree(commit: string, contentDir: string): Promise<TreeEntry[]>;
  /** Blob contents by id, read through one long-lived `git cat-file --batch`. Missing → null. */
  readBlobs(ids: string[]): Promise<Map<string, Buffer | null>>;
  /**
   * Resolve a client ref (sha, abbreviated sha, branch, tag) to a full commit sha, validated so it can
   * never become a git option. Throws BadRefError.
   */
  resolveRef(ref: string): Promise<string>;
  /**
   * Optional: whether a resolved commit is reachable from `head` (the served head) or from a tag.
   * A force-push leaves dropped commits resolvable until git gc; the index refuses those.
   */
  isReachable?(sha: string, head: string): Promise<boolean>;
  /** Commit metadata for any commit (for refs off the timeline: `position` is -1 there). */
  commitInfo(sha: string): Promise<CommitInfo>;
  /** Fetch from the remote (or clone when absent). Returns the new head sha of the tracked branch. */
  update(): Promise<string>;
  close(): Promise<void>;
  /**
   * Optional: the content folder at a commit (default: branch head) — `configured` when given, else
   * the folder named job-families, at any depth, holding the most pages (see detectContentDir.ts).
   */
  detectContentDir?(commit?: string, configured?: string | null): Promise<string | null>;
}
