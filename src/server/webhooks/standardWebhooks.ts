// GitLab's signed webhooks follow the Standard Webhooks scheme (standardwebhooks.com):
//   webhook-id: <id>            (equals GitLab's Idempotency-Key)
//   webhook-timestamp: <unix seconds>
//   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">  [space-separated, several when rotating]
// keyed with the signing secret `whsec_<base64 of the key bytes>`.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The prefix GitLab and Standard Webhooks put before the base64 key. */
const SECRET_PREFIX = 'whsec_';
/** Standard (padded) base64, as in `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
/** One entry of the signature header, `v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=`. */
const V1_SIGNATURE = /^v1,([A-Za-z0-9+/]+={0,2})$/;
/** Unix seconds, as in `1614265330`. */
const UNIX_SECONDS = /^\d{1,12}$/;

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

function hmac(key: Buffer, msg: SignedMessage): Buffer {
  return createHmac('sha256', key).update(`${msg.id}.${msg.timestamp}.`).update(msg.body).digest();
}

/** The `webhook-signature` value for a message (for tests and tools). */
export function signStandardWebhook(msg: SignedMessage, secret: string): string {
  return `v1,${hmac(decodeSigningSecret(secret), msg).toString('base64')}`;
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
 * `nowSeconds`, and at least one `v1,` entry matching. Entries of other versions are skipped.
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
  const expected = hmac(key, { id, timestamp, body: input.body });
  let matched = false;
  for (const entry of signature.split(' ')) {
    const m = V1_SIGNATURE.exec(entry);
    if (!m) continue;
    const given = Buffer.from(m[1], 'base64');
    // Compare every entry (no early exit); lengths must match before timingSafeEqual.
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'signature' };
}
