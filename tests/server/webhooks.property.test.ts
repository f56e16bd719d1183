// Properties over random bodies and secrets: a signature verifies its own message, and changing any
// single byte of the body breaks it.
import fc from 'fast-check';
import { signGithub, signStandardWebhook, verifyGithubSignature, verifyStandardWebhook } from '../../src/server/webhooks/verify';

const body = fc.uint8Array({ minLength: 1, maxLength: 256 }).map((a) => Buffer.from(a));
const secret = fc.string({ minLength: 1, maxLength: 64 });
const key = fc.uint8Array({ minLength: 16, maxLength: 48 }).map((a) => `whsec_${Buffer.from(a).toString('base64')}`);
const RUNS = { numRuns: 60 };

/** The body with one byte changed at a position chosen by `where` in [0, 1). */
function flipOne(buf: Buffer, where: number, delta: number): Buffer {
  const copy = Buffer.from(buf);
  const i = Math.min(Math.floor(where * copy.length), copy.length - 1);
  copy[i] = (copy[i] + delta) % 256;
  return copy;
}

describe('webhook signatures (properties)', () => {
  it('GitHub: verify(sign(body)) holds, and any single-byte change fails', () => {
    fc.assert(
      fc.property(body, secret, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 }), (b, s, where, delta) => {
        const sig = signGithub(b, s);
        expect(verifyGithubSignature(b, sig, s)).toBe(true);
        expect(verifyGithubSignature(flipOne(b, where, delta), sig, s)).toBe(false);
      }),
      RUNS,
    );
  });

  it('Standard Webhooks: verify(sign(message)) holds, and any single-byte change fails', () => {
    const now = 1_700_000_000;
    fc.assert(
      fc.property(body, key, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 }), (b, k, where, delta) => {
        const msg = { id: 'msg_1', timestamp: String(now), body: b };
        const signature = signStandardWebhook(msg, k);
        expect(verifyStandardWebhook({ ...msg, signature }, k, { nowSeconds: now })).toEqual({ ok: true });
        const tampered = { ...msg, signature, body: flipOne(b, where, delta) };
        expect(verifyStandardWebhook(tampered, k, { nowSeconds: now })).toEqual({ ok: false, reason: 'signature' });
      }),
      RUNS,
    );
  });

  it('GitHub: a signature with any single hex digit changed fails', () => {
    fc.assert(
      fc.property(body, secret, fc.integer({ min: 0, max: 63 }), (b, s, i) => {
        const sig = signGithub(b, s);
        const hex = sig.slice(7);
        const changed = hex.slice(0, i) + (hex[i] === '0' ? '1' : '0') + hex.slice(i + 1);
        expect(verifyGithubSignature(b, `sha256=${changed}`, s)).toBe(false);
      }),
      RUNS,
    );
  });
});
