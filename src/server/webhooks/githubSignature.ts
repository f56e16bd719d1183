// GitHub's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`.
// Written on node:crypto rather than @octokit/webhooks-methods, which was tried: every maintained
// major (5, 6) is ESM-only, so jest's CommonJS runtime cannot load it; the CommonJS major (4) has
// had no release since 2024; and all of them take the body as a string, so the HMAC covers a UTF-8
// re-encoding rather than the bytes GitHub signed (`{\xff}` and `{\xfe}` share one signature: the
// byte-flip property test fails) and an upper-case hex signature is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header value GitHub sends, e.g. `sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17`. */
const GITHUB_SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** The `X-Hub-Signature-256` value for a body, as GitHub computes it (for tests and tools). */
export function signGithub(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * True when the header is a well-formed signature of exactly these bytes. Must be given the raw
 * body: re-serialised JSON differs in whitespace and key order. An empty secret never verifies.
 */
export function verifyGithubSignature(body: Buffer, header: string | undefined, secret: string): boolean {
  if (!secret || header === undefined) return false;
  const match = GITHUB_SIGNATURE.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  // Both are 32 bytes (the regex fixes the length), so timingSafeEqual cannot throw.
  return timingSafeEqual(given, expected);
}
