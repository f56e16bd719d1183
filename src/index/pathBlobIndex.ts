// Which blob sits at which page path, at any commit of the timeline, without a full map per
// commit: each commit keeps only its delta, and a full map is kept every `interval` commits. A
// lookup copies the nearest checkpoint at or before the commit and replays at most interval-1 deltas.
import type { TimelineStep } from '../git';

/** One page path set to a blob, or removed (null). */
export type PathDelta = readonly [path: string, blob: string | null];

/** 256 keeps replay short (≤255 small deltas) while 20,000 commits need only ~80 full maps. */
export const CHECKPOINT_INTERVAL = 256;

/** The delta a timeline step applies to the page map, limited to paths `isPage` accepts. */
export function stepDelta(step: TimelineStep, isPage: (path: string) => boolean): PathDelta[] {
  const removed: PathDelta[] = [];
  const set: PathDelta[] = [];
  for (const change of step.changes) {
    if ((change.status === 'D' || change.status === 'R') && change.oldPath && isPage(change.oldPath)) {
      removed.push([change.oldPath, null]);
    }
    if (change.status !== 'D' && change.newPath && change.newBlob && isPage(change.newPath)) {
      set.push([change.newPath, change.newBlob]);
    }
  }
  // Removals first: `R a → b` plus a new file at `a` in the same commit must leave both.
  return [...removed, ...set];
}

export function applyDelta(map: Map<string, string>, delta: readonly PathDelta[]): void {
  for (const [path, blob] of delta) {
    if (blob === null) map.delete(path);
    else map.set(path, blob);
  }
}

/**
 * Immutable once built: `extend` returns a new index over the longer timeline and leaves this one
 * as it was, so a view built on it keeps answering for its own commits while the next is built.
 */
export class PathBlobIndex {
  private readonly deltas: PathDelta[][];
  private readonly checkpoints: Array<ReadonlyMap<string, string>>;
  /** page path → blob after the last commit; never mutated once the constructor returns. */
  private readonly last: ReadonlyMap<string, string>;

  /** Over `steps` from position 0, or over `base`'s steps followed by `steps`. */
  constructor(
    steps: readonly TimelineStep[],
    private readonly isPage: (path: string) => boolean,
    private readonly interval = CHECKPOINT_INTERVAL,
    base?: PathBlobIndex,
  ) {
    // Copies of the small per-commit arrays (one pointer per commit), never the maps they hold.
    this.deltas = base ? base.deltas.slice() : [];
    this.checkpoints = base ? base.checkpoints.slice() : [];
    const running = new Map<string, string>(base?.last);
    for (const step of steps) {
      const position = this.deltas.length;
      const delta = stepDelta(step, isPage);
      this.deltas.push(delta);
      applyDelta(running, delta);
      if (position % interval === 0) this.checkpoints.push(new Map(running));
    }
    this.last = running;
  }

  /** A new index over this one's commits followed by `steps`; this one is unchanged. */
  extend(steps: readonly TimelineStep[]): PathBlobIndex {
    return new PathBlobIndex(steps, this.isPage, this.interval, this);
  }

  get length(): number {
    return this.deltas.length;
  }

  /** The delta of one commit (what `at(position)` adds to `at(position - 1)`). */
  deltaAt(position: number): readonly PathDelta[] {
    return this.deltas[position] ?? [];
  }

  /** page path → blob after the last commit, without a replay. Read-only: shared with the index. */
  atLast(): ReadonlyMap<string, string> {
    return this.last;
  }

  /** page path → blob after the commit at `position`. A fresh map the caller may keep. */
  at(position: number): Map<string, string> {
    if (!Number.isInteger(position) || position < 0 || position >= this.deltas.length) {
      throw new RangeError(`no commit at timeline position ${position}`);
    }
    const base = Math.floor(position / this.interval);
    const map = new Map(this.checkpoints[base]);
    for (let p = base * this.interval + 1; p <= position; p++) applyDelta(map, this.deltas[p]);
    return map;
  }
}
