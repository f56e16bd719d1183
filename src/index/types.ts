// Plain data the index hands to the GraphQL layer. Snapshots are immutable once built.
import type { CommitInfo } from '../git';
import type { JobFamily, Role } from '../parse';
import type { RoleBlame } from './itemBlame';

export type { CommitInfo } from '../git';
export type { JobFamily, Role, LadderLink, ParseWarning, ListItem } from '../parse';
export type { ItemBlame, RoleBlame } from './itemBlame';

/** A family as it stands in a snapshot: the parsed page plus what needs the other pages. */
export interface SnapshotFamily extends JobFamily {
  /** Slug of the family whose `_index.md` folder holds this page, when that page is a family. */
  parentSlug: string | null;
  blob: string;
}

export type LadderEdgeKind = 'LADDER_LINK' | 'LEVEL_ORDER';

export interface LadderEdge {
  from: string; // role id
  to: string; // role id
  kind: LadderEdgeKind;
}

/** Everything visible at one commit. Built once per commit, then only read. */
export interface Snapshot {
  commit: CommitInfo;
  /** Families and department pages, sorted by slug. */
  families: readonly SnapshotFamily[];
  familyBySlug: ReadonlyMap<string, SnapshotFamily>;
  /** All roles of all families, in family slug then level order. */
  roles: readonly Role[];
  roleById: ReadonlyMap<string, Role>;
  /** Ladder graph over role ids: career-ladder links (resolved by slug or by family title) and level order. */
  ladderEdges: readonly LadderEdge[];
}

export type ChangeKind = 'ADDED' | 'MODIFIED' | 'MOVED' | 'REMOVED';

/** One field's change between two versions of a role or family. */
export interface FieldChange {
  field: string;
  /** Scalar fields: the text before/after (lists: joined, for display). */
  before: string | null;
  after: string | null;
  /** List fields: items only in `after` / only in `before`. */
  added: string[];
  removed: string[];
}

export interface RoleVersion {
  commit: CommitInfo;
  change: ChangeKind;
  /** The role as it stood after this commit (before it, for REMOVED). */
  role: Role;
  /** Path of the family's page after the commit (before it, for REMOVED). */
  path: string;
  changes: FieldChange[];
  /** The role's id before this commit, when the commit retitled it or moved its family (else absent). */
  previousId?: string;
  /** Where each responsibility and requirement bullet came from, as of this version (see itemBlame.ts). */
  blame: RoleBlame;
}

/** A role or family that took a new id or slug in one commit (a retitle, or a family page moved). */
export interface RenameEvent {
  position: number;
  kind: 'role' | 'family';
  from: string;
  to: string;
}

export interface RoleChange {
  id: string;
  change: ChangeKind;
  before: Role | null;
  after: Role | null;
  changes: FieldChange[];
}

export interface FamilyChange {
  slug: string;
  change: ChangeKind;
  /**
   * Set only for a family whose page moved folders (git saw a rename) between `from` and `to`:
   * its slug at `from` (`slug` is the one at `to`).
   */
  beforeSlug?: string;
  beforePath: string | null;
  afterPath: string | null;
  changes: FieldChange[];
}

export interface SnapshotDiff {
  from: CommitInfo;
  to: CommitInfo;
  families: FamilyChange[];
  roles: RoleChange[];
}

export type IndexPhase = 'starting' | 'cloning' | 'indexing' | 'ready' | 'refreshing' | 'failed';

export interface IndexProgress {
  /** What is being done: `fetch`, `timeline`, `parse`, `snapshot`. */
  stage: string;
  done: number;
  total: number;
}

export interface IndexStatus {
  phase: IndexPhase;
  url: string;
  branch: string;
  contentDir: string;
  /** Head commit of the served index; null before the first index is ready. */
  head: CommitInfo | null;
  progress: IndexProgress | null;
  lastError: string | null;
  /** When the served index was last confirmed current with the remote (ISO-8601). */
  lastRefreshAt: string | null;
  commitCount: number;
  familyCount: number;
  parsedBlobCount: number;
  /** Writes to the cache folder that failed (full disk, read-only folder) since the start; the index served on from memory. */
  cacheWriteFailures: number;
  /** The last failed cache write's reason (full text: callers showing it in public pass it through publicMessage). */
  cacheLastWriteError: string | null;
  /** Where this process's page versions came from, so a replica joining through the shared tier shows `parsed: 0`. */
  pages: PageSources;
}

/** Page versions by origin, counted since the process started. */
export interface PageSources {
  /** Parsed by this process. */
  parsed: number;
  /** Read back from the cache folder (the first tier). */
  loaded: number;
  /** Taken from the shared parse cache (the second tier, Redis). */
  shared: number;
  /** Calls to the shared tier that failed or timed out (the pages were parsed here instead). */
  sharedFailures: number;
}

export interface SearchHit {
  roleId: string;
  score: number;
  snippet: string | null;
}

export type Severity = 'ERROR' | 'WARNING';

export interface ValidationIssue {
  ruleId: string;
  severity: Severity;
  message: string;
  familySlug: string;
  roleId: string | null;
  path: string;
  line: number | null;
}

/**
 * One immutable generation of the index: a head snapshot and everything derived from the same
 * timeline. The store swaps whole generations, so a request that pins one sees a consistent world.
 */
export interface IndexView {
  head: Snapshot;
  /** First-parent timeline of the tracked branch, oldest first. */
  timeline: readonly CommitInfo[];
  /** Resolve a client ref (sha, short sha, branch, tag, ISO date; null/undefined = head). Throws BadRefError. */
  resolveRef(ref: string | null | undefined): Promise<CommitInfo>;
  /** Snapshot at a resolved commit; cached, built on demand. */
  snapshotAt(commit: CommitInfo): Promise<Snapshot>;
  /**
   * Commits where the role's parsed content changed, newest first, through its retitles and
   * family moves (a former id answers with the same chain). Unknown id → [].
   */
  roleHistory(roleId: string): readonly RoleVersion[];
  /** Timeline commits that changed anything under the content folder, or only a family's page (by slug or path), newest first. */
  commitsTouching(slugOrPath?: string | null): readonly CommitInfo[];
  /**
   * The diff between this view's snapshots at two resolved commits, remembered per (from, to) pair
   * (identical pairs in flight share one promise) and bounded to a few at once (src/index/diffMemo).
   */
  diff(from: CommitInfo, to: CommitInfo): Promise<SnapshotDiff>;
}

export interface RefreshResult {
  head: CommitInfo;
  previousHead: CommitInfo | null;
  /** Role ids added, removed or modified between the previous head and the new one. */
  changedRoleIds: string[];
}

/**
 * Owns the served IndexView and its phases. `current()` is synchronous, so swapping in a new
 * generation is atomic for readers. Single-flight and coalescing live in src/watch, on top of this.
 */
export interface Indexer {
  current(): IndexView | null;
  status(): IndexStatus;
  /**
   * Fetch (or clone), index what changed, swap; resolves once the new head serves (the cache files
   * for the next start are written after). On failure the last good view keeps serving and this
   * rejects. One at a time: while one runs this rejects with RefreshRunningError (queue through src/watch).
   */
  refresh(): Promise<RefreshResult>;
  /** Called after every successful swap. Returns an unsubscribe function. */
  onSwap(listener: (view: IndexView, result: RefreshResult) => void): () => void;
  close(): Promise<void>;
}
