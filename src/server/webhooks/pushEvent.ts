// What a verified delivery asks for: a push to the tracked branch, a ping, or nothing for us.
// The payload is only a hint that something changed; the refresh fetches and diffs on its own, so
// nothing here (no URL, no ref, no sha) ever reaches git.

export type Provider = 'gitlab' | 'github';

export type PushEvent =
  | { kind: 'push'; before?: string; after?: string }
  | { kind: 'ping' }
  | { kind: 'ignored'; why: string }
  | { kind: 'malformed'; why: string };

/** A commit id as forges send it in `before`/`after` (40 hex for SHA-1 repos, 64 for SHA-256). */
const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** GitHub form-encoded deliveries carry the JSON in a `payload` field. */
const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\b/i;

/** Parses the body as JSON (or GitHub's form encoding); null when it is not a JSON object. */
export function parsePayload(body: Buffer, contentType: string | undefined): Record<string, unknown> | null {
  let text = body.toString('utf8');
  if (contentType && FORM_CONTENT_TYPE.test(contentType)) text = new URLSearchParams(text).get('payload') ?? '';
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function commitId(value: unknown): string | undefined {
  return typeof value === 'string' && COMMIT_ID.test(value) ? value : undefined;
}

/** Push events are named `push` by GitHub (`X-GitHub-Event`) and `Push Hook` by GitLab (`X-Gitlab-Event`). */
function isPush(provider: Provider, event: string | undefined): boolean {
  return provider === 'github' ? event === 'push' : event === 'Push Hook';
}

/**
 * Classifies a delivery. `readBody` is only called for push events, so other events are ignored
 * without parsing their bodies.
 */
export function classifyDelivery(
  provider: Provider,
  event: string | undefined,
  readBody: () => Record<string, unknown> | null,
  branch: string,
): PushEvent {
  if (provider === 'github' && event === 'ping') return { kind: 'ping' };
  if (!isPush(provider, event)) return { kind: 'ignored', why: `event ${JSON.stringify(event ?? null)}` };
  const payload = readBody();
  if (!payload) return { kind: 'malformed', why: 'body is not a JSON object' };
  if (typeof payload.ref !== 'string') return { kind: 'malformed', why: 'push without a ref' };
  if (payload.ref !== `refs/heads/${branch}`) return { kind: 'ignored', why: 'another branch or a tag' };
  return { kind: 'push', before: commitId(payload.before), after: commitId(payload.after) };
}
