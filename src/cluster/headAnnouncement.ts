// What replicas tell each other on the Redis channel: "the tracked branch has (or may have) moved".
// Pure encode/decode, so a malformed message from anything else on the channel is dropped, not trusted.

/** Why a head is announced: a webhook some replica accepted, or the polling leader saw it move. */
export type AnnouncementCause = 'webhook:gitlab' | 'webhook:github' | 'poll';

export interface HeadAnnouncement {
  /** The new head when known (a push payload's `after`, the leader's fetched head); null = "go and look". */
  head: string | null;
  branch: string;
  /** The replica that announced it (its instance id). */
  origin: string;
  cause: AnnouncementCause;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const CAUSES: ReadonlySet<string> = new Set<AnnouncementCause>(['webhook:gitlab', 'webhook:github', 'poll']);

export function encodeAnnouncement(announcement: HeadAnnouncement): string {
  return JSON.stringify(announcement);
}

/** The announcement in `text`, or null when it is not one (wrong shape, a head that is not a full sha). */
export function decodeAnnouncement(text: string): HeadAnnouncement | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { head, branch, origin, cause } = value as Record<string, unknown>;
  if (!(head === null || (typeof head === 'string' && SHA.test(head)))) return null;
  if (typeof branch !== 'string' || typeof origin !== 'string' || typeof cause !== 'string' || !CAUSES.has(cause)) return null;
  return { head, branch, origin, cause: cause as AnnouncementCause };
}
