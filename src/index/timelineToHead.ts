// From the timeline the index already has (the served view's, or the one stored in the cache
// folder) to the branch's new head: the one place that decides whether the new head extends that
// timeline, replaces it, or rewrote it.
import type { TimelineStep } from '../git';

/** `timeline(head, since)` of the git source, for one content folder. */
export type ReadTimeline = (head: string, since?: string) => Promise<TimelineStep[]>;

export type TimelineChange =
  /** `head` only adds first-parent commits on top of the old head: these (none when equal), oldest first. */
  | { kind: 'extend'; steps: TimelineStep[] }
  /** The source answered with the whole timeline (it ignores `since`): build from these. */
  | { kind: 'replace'; steps: TimelineStep[] }
  /**
   * There was no old timeline, or its head is not on head's first-parent chain (a force-push, or a
   * merge that left it on a side line): the whole timeline, read again.
   */
  | { kind: 'rewrite'; steps: TimelineStep[] };

/**
 * No `isAncestor` call first: on a 20,000-commit index each git process costs tens of ms to start,
 * and the chain check (`continuation`) is what decides; a rewrite (rare) then costs one extra log.
 * `oldHead` equal to `head` reads nothing at all.
 */
export async function timelineToHead(
  read: ReadTimeline,
  oldHead: string | null,
  head: string,
  log: (event: Record<string, unknown>) => void = () => undefined,
): Promise<TimelineChange> {
  if (oldHead === head) return { kind: 'extend', steps: [] };
  if (oldHead !== null) {
    let since: TimelineStep[] | null = null;
    try {
      since = await read(head, oldHead);
    } catch (err) {
      // `oldHead` may be gone (pruned after a force-push); the full read below surfaces real failures.
      log({ event: 'timeline-since-failed', error: err instanceof Error ? err.message : String(err) });
    }
    const change = since ? continuation(since, oldHead, head) : null;
    if (change) return change;
  }
  return { kind: 'rewrite', steps: await read(head) };
}

/**
 * What `timeline(dir, head, since)` answered: the commits on top of `since` (each the first parent
 * of the next), the whole timeline (a source that ignores `since`), or null — `since` is not a
 * first-parent ancestor of head (rewritten history, or reached only through a merge).
 */
export function continuation(steps: TimelineStep[], since: string, head: string): Exclude<TimelineChange, { kind: 'rewrite' }> | null {
  const last = steps[steps.length - 1];
  if (!last || last.commit.sha !== head) return null;
  if (steps[0].commit.parents.length === 0) return { kind: 'replace', steps };
  if (steps[0].commit.parents[0] !== since) return null;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].commit.parents[0] !== steps[i - 1].commit.sha) return null;
  }
  return { kind: 'extend', steps };
}
