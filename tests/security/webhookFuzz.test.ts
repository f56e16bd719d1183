// Fuzzing the webhook endpoints over real HTTP on 127.0.0.1 (bounded runs): whatever bytes and
// headers arrive, the answer is a deliberate 2xx/4xx in JSON, never a 500, and nothing that is not
// authentic ever triggers a refresh. Signed deliveries with random bodies are fuzzed too: the
// signature holds, so only the payload's shape decides.
import express from 'express';
import fc from 'fast-check';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookRouter, signGithub, signStandardWebhook, type PushInfo } from '../../src/server/webhooks';

const GITHUB_SECRET = 'fuzz-github-secret';
const SIGNING_SECRET = `whsec_${Buffer.from('fuzz-signing-key-0123456789abcdef').toString('base64')}`;
const NOW = 1_750_000_000;
const RUNS = { numRuns: 80 };

let server: Server;
let url: string;
let pushes: PushInfo[];

beforeAll(async () => {
  pushes = [];
  const app = express();
  app.use(
    createWebhookRouter({
      branch: 'main',
      githubSecret: GITHUB_SECRET,
      gitlabSigningSecret: SIGNING_SECRET,
      maxBodyBytes: 4096,
      onPush: (info) => pushes.push(info),
      nowSeconds: () => NOW,
    }),
  );
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Header values fetch can send: visible ASCII and spaces, no line breaks. */
const headerValue = fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,80}$/);
const headerSet = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-16'),
    'x-github-event': fc.oneof(fc.constantFrom('push', 'ping', 'issues'), headerValue),
    'x-gitlab-event': fc.oneof(fc.constantFrom('Push Hook', 'Tag Push Hook', 'System Hook'), headerValue),
    'x-hub-signature-256': fc.oneof(headerValue, fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256=${h}`)),
    'webhook-id': headerValue,
    'webhook-timestamp': fc.oneof(headerValue, fc.integer({ min: NOW - 1000, max: NOW + 1000 }).map(String)),
    'webhook-signature': fc.oneof(headerValue, fc.base64String({ minLength: 44, maxLength: 44 }).map((b) => `v1,${b}`)),
    'x-gitlab-token': headerValue,
    'idempotency-key': headerValue,
  },
  { requiredKeys: [] },
);
/** Random bytes, or JSON that looks like a push. */
const body = fc.oneof(
  fc.uint8Array({ maxLength: 6000 }).map((a) => Buffer.from(a)),
  fc.record({ ref: fc.oneof(fc.constant('refs/heads/main'), fc.string()), before: fc.string(), after: fc.string() }, { requiredKeys: [] }).map((v) => Buffer.from(JSON.stringify(v))),
);

async function deliver(provider: 'github' | 'gitlab', headers: Record<string, string>, payload: Buffer): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${url}/webhooks/${provider}`, { method: 'POST', headers, body: payload });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as unknown };
}

it('answers unauthenticated garbage with a JSON 4xx or 2xx, never a 500, and triggers nothing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('github' as const, 'gitlab' as const), headerSet, body, async (provider, headers, payload) => {
      const { status, json } = await deliver(provider, headers, payload);
      expect([200, 202, 400, 401, 413, 415]).toContain(status);
      expect(typeof json).toBe('object');
    }),
    RUNS,
  );
  expect(pushes).toEqual([]);
});

it('answers authentic deliveries with random bodies with 200, 202 or 400 and never a 500', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('github' as const, 'gitlab' as const), headerSet, body, async (provider, headers, payload) => {
      const signed: Record<string, string> =
        provider === 'github'
          ? { ...headers, 'x-hub-signature-256': signGithub(payload, GITHUB_SECRET) }
          : {
              ...headers,
              'webhook-id': 'msg_fuzz',
              'webhook-timestamp': String(NOW),
              'webhook-signature': signStandardWebhook({ id: 'msg_fuzz', timestamp: String(NOW), body: payload }, SIGNING_SECRET),
            };
      const { status } = await deliver(provider, signed, payload);
      expect([200, 202, 400, 413, 415]).toContain(status);
    }),
    RUNS,
  );
});
