import { createHmac } from 'node:crypto';
import {
  constantTimeEqual,
  decodeSigningSecret,
  signGithub,
  signStandardWebhook,
  verifyGithubSignature,
  verifyGitlabToken,
  verifyStandardWebhook,
} from '../../src/server/webhooks/verify';

describe('verifyGitlabToken', () => {
  it('accepts exactly the configured token', () => {
    expect(verifyGitlabToken('s3cret-token', 's3cret-token')).toBe(true);
  });
  it('refuses a wrong, shorter, longer, missing or empty token', () => {
    expect(verifyGitlabToken('s3cret-tokem', 's3cret-token')).toBe(false);
    expect(verifyGitlabToken('s3cret', 's3cret-token')).toBe(false);
    expect(verifyGitlabToken('s3cret-token-and-more', 's3cret-token')).toBe(false);
    expect(verifyGitlabToken(undefined, 's3cret-token')).toBe(false);
    expect(verifyGitlabToken('', '')).toBe(false); // an unset token must never authenticate
  });
  it('compares unequal lengths without throwing', () => {
    expect(constantTimeEqual('a', 'a much longer value')).toBe(false);
    expect(constantTimeEqual(Buffer.from('abc'), 'abc')).toBe(true);
  });
});

describe('verifyGithubSignature', () => {
  // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
  const secret = "It's a Secret to Everybody";
  const body = Buffer.from('Hello, World!');
  const documented = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it('matches the example vector from GitHub’s documentation', () => {
    expect(signGithub(body, secret)).toBe(documented);
    expect(verifyGithubSignature(body, documented, secret)).toBe(true);
  });
  it('accepts upper-case hex', () => {
    expect(verifyGithubSignature(body, `sha256=${documented.slice(7).toUpperCase()}`, secret)).toBe(true);
  });
  it('refuses a tampered body, another secret, a missing or malformed header', () => {
    expect(verifyGithubSignature(Buffer.from('Hello, World?'), documented, secret)).toBe(false);
    expect(verifyGithubSignature(body, documented, 'another secret')).toBe(false);
    expect(verifyGithubSignature(body, undefined, secret)).toBe(false);
    expect(verifyGithubSignature(body, documented.slice(0, -2), secret)).toBe(false); // wrong length
    expect(verifyGithubSignature(body, `${documented}00`, secret)).toBe(false);
    expect(verifyGithubSignature(body, documented.replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(verifyGithubSignature(body, 'sha256=' + 'zz'.repeat(32), secret)).toBe(false);
    expect(verifyGithubSignature(body, documented, '')).toBe(false);
  });
});

describe('Standard Webhooks (GitLab signed webhooks)', () => {
  // The example from the Standard Webhooks specification and its reference libraries.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = '1614265330';
  const body = Buffer.from('{"test": 2432232314}');
  const signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
  const at = { nowSeconds: 1614265330 + 10 };

  it('verifies the specification’s example vector', () => {
    expect(signStandardWebhook({ id, timestamp, body }, secret)).toBe(signature);
    expect(verifyStandardWebhook({ id, timestamp, signature, body }, secret, at)).toEqual({ ok: true });
  });

  it('finds the valid entry among several space-separated signatures and other versions', () => {
    const header = `v1,${Buffer.alloc(32).toString('base64')} v1a,abcd ${signature}`;
    expect(verifyStandardWebhook({ id, timestamp, signature: header, body }, secret, at)).toEqual({ ok: true });
  });

  it('refuses a tampered body, id or timestamp', () => {
    const bad = { ok: false, reason: 'signature' };
    expect(verifyStandardWebhook({ id, timestamp, signature, body: Buffer.from('{"test": 2432232315}') }, secret, at)).toEqual(bad);
    expect(verifyStandardWebhook({ id: 'msg_other', timestamp, signature, body }, secret, at)).toEqual(bad);
    expect(
      verifyStandardWebhook({ id, timestamp: '1614265331', signature, body }, secret, { nowSeconds: 1614265331 }),
    ).toEqual(bad);
  });

  it('refuses a timestamp outside five minutes either way, to stop replays', () => {
    const expired = { nowSeconds: 1614265330 + 301 };
    const early = { nowSeconds: 1614265330 - 301 };
    expect(verifyStandardWebhook({ id, timestamp, signature, body }, secret, expired)).toEqual({ ok: false, reason: 'timestamp' });
    expect(verifyStandardWebhook({ id, timestamp, signature, body }, secret, early)).toEqual({ ok: false, reason: 'timestamp' });
    expect(verifyStandardWebhook({ id, timestamp, signature, body }, secret, { nowSeconds: 1614265330 + 300 })).toEqual({ ok: true });
    expect(verifyStandardWebhook({ id, timestamp: '1614265330.5', signature, body }, secret, at)).toEqual({ ok: false, reason: 'timestamp' });
  });

  it('refuses a timestamp with a leading zero, which would be signed as another number', () => {
    const padded = `0${timestamp}`;
    expect(verifyStandardWebhook({ id, timestamp: padded, signature, body }, secret, at)).toEqual({ ok: false, reason: 'timestamp' });
    expect(() => signStandardWebhook({ id, timestamp: padded, body }, secret)).toThrow(/unix seconds/);
    expect(() => signStandardWebhook({ id, timestamp: '1614265330.5', body }, secret)).toThrow(/unix seconds/);
  });

  it('refuses missing headers and malformed or truncated signatures', () => {
    expect(verifyStandardWebhook({ id: undefined, timestamp, signature, body }, secret, at)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyStandardWebhook({ id, timestamp: undefined, signature, body }, secret, at)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyStandardWebhook({ id, timestamp, signature: undefined, body }, secret, at)).toEqual({ ok: false, reason: 'missing' });
    const truncated = signature.slice(0, 20);
    expect(verifyStandardWebhook({ id, timestamp, signature: truncated, body }, secret, at)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyStandardWebhook({ id, timestamp, signature: signature.slice(3), body }, secret, at)).toEqual({ ok: false, reason: 'signature' });
  });

  it('uses the decoded key bytes, not the secret text', () => {
    expect(decodeSigningSecret(secret)).toEqual(Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64'));
    const textKeyed = createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest('base64');
    expect(verifyStandardWebhook({ id, timestamp, signature: `v1,${textKeyed}`, body }, secret, at)).toEqual({ ok: false, reason: 'signature' });
  });

  it('rejects a malformed signing secret at once', () => {
    expect(() => decodeSigningSecret('whsec_not base64!')).toThrow(/whsec_/);
    expect(() => decodeSigningSecret('whsec_')).toThrow(/whsec_/);
  });
});
