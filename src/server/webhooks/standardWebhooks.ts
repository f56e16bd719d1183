// GitLab's signed webhooks follow the Standard Webhooks scheme (standardwebhooks.com):
//   webhook-id: <id>            (equals GitLab's Idempotency-Key)
//   webhook-timestamp: <unix seconds>
//   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">  [space-separated, several when rotating]
// keyed with the signing secret `whsec_<base64 of the key bytes>`.
// The signature itself is the official `standardwebhooks` package's. Its own `verify` is not used:
// it checks the timestamp against `Date.now()` with a fixed five minutes, and the replay window
// here must run on the router's clock and tolerance. So the timestamp is checked here, and the
// header entries are compared with the package's expected value as its `verify` does (every entry
// in full, in constant time).
import { Webhook } from 'standardwebhooks';
import { constantTimeEqual } from './constantTime';

/** The prefix GitLab and Standard Webhooks put before the base64 key. */
const SECRET_PREFIX = 'whsec_';
/** Standard (padded) base64, as in `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
/**
 * Unix seconds, as in `1614265330`. No leading zero: the package signs the timestamp as a number,
 * so only text that prints back as itself signs the bytes the sender signed.
 */
const UNIX_SECONDS = /^(?:0|[1-9]\d{0,11})$/;

/** Signatures older or newer than this are refused, so a captured request cannot be replayed later. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** Decodes `whsec_<base64>` (the prefix is optional) to the HMAC key. Throws on a malformed secret. */
export function decodeSigningSecret(secret: string): Buffer {
  const body = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (body.length === 0 || !BASE64.test(body)) {
    throw new Error('webhook signing secret must be whsec_ followed by base64');
  }
  return Buffer.from(body, 'base64');
}

export interface SignedMessage {
  id: string;
  /** Unix seconds, as sent in `webhook-timestamp`. */
  timestamp: string;
  body: Buffer;
}

/** `v1,<base64 HMAC>` for a message whose timestamp is already known to be UNIX_SECONDS. */
function expectedSignature(key: Buffer, msg: SignedMessage): string {
  // `raw`: the key is already decoded, by decodeSigningSecret (which names the bad secret in its error).
  return new Webhook(key, { format: 'raw' }).sign(msg.id, new Date(Number(msg.timestamp) * 1000), msg.body);
}

/** The `webhook-signature` value for a message (for tests and tools). */
export function signStandardWebhook(msg: SignedMessage, secret: string): string {
  // The package signs the timestamp as a number: refuse text it would silently sign differently.
  if (!UNIX_SECONDS.test(msg.timestamp)) throw new RangeError(`timestamp must be unix seconds, got ${JSON.stringify(msg.timestamp)}`);
  return expectedSignature(decodeSigningSecret(secret), msg);
}

export type StandardVerifyResult = { ok: true } | { ok: false; reason: 'missing' | 'timestamp' | 'signature' };

export interface StandardVerifyInput {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
}

/**
 * Checks a Standard Webhooks signature: headers present, timestamp within `toleranceSeconds` of
 * `nowSeconds`, and at least one `v1,` entry matching. Entries of other versions never match.
 */
export function verifyStandardWebhook(
  input: StandardVerifyInput,
  secret: string | Buffer,
  opts: { nowSeconds?: number; toleranceSeconds?: number } = {},
): StandardVerifyResult {
  const { id, timestamp, signature } = input;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!UNIX_SECONDS.test(timestamp)) return { ok: false, reason: 'timestamp' };
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - Number(timestamp)) > tolerance) return { ok: false, reason: 'timestamp' };

  const key = typeof secret === 'string' ? decodeSigningSecret(secret) : secret;
  const expected = expectedSignature(key, { id, timestamp, body: input.body });
  let matched = false;
  // Every entry is compared (no early exit); other versions (`v1a,…`) simply never match.
  for (const entry of signature.split(' ')) if (constantTimeEqual(entry, expected)) matched = true;
  return matched ? { ok: true } : { ok: false, reason: 'signature' };
}
