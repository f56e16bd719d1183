// A client ref (`at`, `from`, `to`) → a commit. Dates are answered from the timeline; everything
// else goes to the git layer, which validates it again before git sees it.
import type { CommitInfo } from '../git';
import { BadRefError } from './errors';

export const MAX_CLIENT_REF_LENGTH = 256;

/**
 * ISO-8601 date or date-time as clients send it: `2020-02-04`, `2020-02-04T10:20`,
 * `2020-02-04T10:20:00Z`, `2020-02-04T10:20:00.5+02:00`. Anchored, no nested quantifiers.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface RefContext {
  /** The timeline, oldest first. */
  timeline: readonly CommitInfo[];
  bySha: Pick<ReadonlyMap<string, CommitInfo>, 'get'>;
  /** Git ref → full sha (GitSource.resolveRef). */
  resolve(ref: string): Promise<string>;
  /** Metadata for a commit off the timeline (GitSource.commitInfo). */
  commitInfo(sha: string): Promise<CommitInfo>;
  /**
   * Whether a commit off the timeline is served: reachable from the head or a tag. Absent: every
   * commit git resolves is served (sources that hold no unreachable commits).
   */
  reachable?(sha: string): Promise<boolean>;
}

/**
 * Instant a date ref stands for, in ms; null when `ref` is not an ISO date. A bare date means the
 * whole day (UTC): "at 2020-02-04" includes that day's commits. A time without a zone is UTC.
 */
export function dateRefInstant(ref: string): number | null {
  const m = ISO_DATE.exec(ref);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (h === undefined) {
    const end = Date.UTC(Number(y), Number(mo) - 1, Number(d), 23, 59, 59, 999);
    return validDate(end, y, mo, d);
  }
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${normalizeZone(zone)}`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : validDate(t, y, mo, d, zone);
}

function normalizeZone(zone: string | undefined): string {
  if (!zone || zone === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Rejects dates JavaScript rolls over (`2021-02-30` → March 2). */
function validDate(t: number, y: string, mo: string, d: string, zone?: string): number | null {
  if (Number.isNaN(t)) return null;
  if (zone && zone !== 'Z') return t; // the calendar check below would need the zone; Date.parse already refused nonsense hours
  const back = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return back.getUTCMonth() === Number(mo) - 1 && back.getUTCDate() === Number(d) ? t : null;
}

/** Last timeline commit at or before `instant`, or null when the timeline starts later. */
export function commitAtOrBefore(timeline: readonly CommitInfo[], instant: number): CommitInfo | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    if (Date.parse(timeline[i].date) <= instant) return timeline[i];
  }
  return null;
}

/** Shape checks that hold before anything else runs. */
export function assertClientRef(ref: unknown): asserts ref is string {
  if (typeof ref !== 'string' || ref.trim() === '') throw new BadRefError('empty ref');
  if (ref.length > MAX_CLIENT_REF_LENGTH) throw new BadRefError(`ref longer than ${MAX_CLIENT_REF_LENGTH} characters`);
  if (ref.includes('\0')) throw new BadRefError('ref contains a NUL character');
}

export async function resolveClientRef(ref: string | null | undefined, ctx: RefContext): Promise<CommitInfo> {
  const head = ctx.timeline[ctx.timeline.length - 1];
  if (ref === null || ref === undefined) {
    if (!head) throw new BadRefError('the tracked branch has no commits');
    return head;
  }
  assertClientRef(ref);
  const instant = dateRefInstant(ref);
  if (instant !== null) {
    const commit = commitAtOrBefore(ctx.timeline, instant);
    if (!commit) throw new BadRefError(`no commit at or before ${JSON.stringify(ref)}: history starts later`);
    return commit;
  }
  const sha = await ctx.resolve(ref);
  const onTimeline = ctx.bySha.get(sha);
  if (onTimeline) return onTimeline;
  // A commit a force-push dropped stays in the clone until git gc: it is no longer history.
  if (ctx.reachable && !(await ctx.reachable(sha))) {
    throw new BadRefError(`unknown ref ${JSON.stringify(ref.slice(0, 80))}: not on the tracked branch or a tag`);
  }
  return ctx.commitInfo(sha);
}
