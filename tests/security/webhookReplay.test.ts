// A captured signed GitLab delivery replayed inside the five-minute signature window: the signature
// covers `webhook-id`, timestamp and body, but not `Idempotency-Key` or `X-Gitlab-Event-UUID`, so
// an attacker can change those freely. Deduplication must key on what was signed, or every replay
// with a fresh unsigned header passes as a new push. Real router, real HTTP on 127.0.0.1.
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookRouter, signStandardWebhook, type PushInfo } from '../../src/server/webhooks';

const SIGNING_SECRET = `whsec_${Buffer.from('replay-test-key-0123456789abcdef').toString('base64')}`;
const NOW = 1_750_000_000;
const BODY = JSON.stringify({ ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40) });

let server: Server;
let url: string;
let pushes: PushInfo[];

beforeEach(async () => {
  pushes = [];
  const app = express();
  app.use(createWebhookRouter({ branch: 'main', gitlabSigningSecret: SIGNING_SECRET, onPush: (info) => pushes.push(info), nowSeconds: () => NOW }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The headers GitLab sends with a signed push: its Idempotency-Key equals the webhook-id. */
function captured(id: string, timestamp = NOW - 60): Record<string, string> {
  const ts = String(timestamp);
  return {
    'content-type': 'application/json',
    'x-gitlab-event': 'Push Hook',
    'idempotency-key': id,
    'x-gitlab-event-uuid': id,
    'webhook-id': id,
    'webhook-timestamp': ts,
    'webhook-signature': signStandardWebhook({ id, timestamp: ts, body: Buffer.from(BODY) }, SIGNING_SECRET),
  };
}

async function deliver(headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/webhooks/gitlab`, { method: 'POST', headers, body: BODY });
  return { status: res.status, body: await res.json() };
}

it('answers a replay with fresh Idempotency-Key and X-Gitlab-Event-UUID as a duplicate', async () => {
  const original = captured('msg_2pJ9RB');
  expect(await deliver(original)).toEqual({ status: 202, body: { status: 'accepted' } });
  for (let i = 0; i < 5; i += 1) {
    const replay = { ...original, 'idempotency-key': crypto.randomUUID(), 'x-gitlab-event-uuid': crypto.randomUUID() };
    expect(await deliver(replay)).toEqual({ status: 202, body: { status: 'duplicate' } });
  }
  expect(await deliver({ ...original, 'idempotency-key': '' })).toEqual({ status: 202, body: { status: 'duplicate' } });
  expect(pushes).toEqual([{ provider: 'gitlab', deliveryId: 'msg_2pJ9RB', before: 'a'.repeat(40), after: 'b'.repeat(40) }]);
});

it('refuses a replay whose webhook-id was changed: the id is signed', async () => {
  const original = captured('msg_first');
  expect((await deliver(original)).status).toBe(202);
  expect(await deliver({ ...original, 'webhook-id': 'msg_second' })).toEqual({ status: 401, body: { error: 'invalid webhook credentials' } });
  expect(pushes).toHaveLength(1);
});

it('accepts two genuine deliveries even when their unsigned headers collide', async () => {
  const first = captured('msg_a');
  const second = { ...captured('msg_b'), 'idempotency-key': 'msg_a', 'x-gitlab-event-uuid': 'msg_a' };
  expect((await deliver(first)).body).toEqual({ status: 'accepted' });
  expect((await deliver(second)).body).toEqual({ status: 'accepted' });
  expect(pushes.map((p) => p.deliveryId)).toEqual(['msg_a', 'msg_b']);
});
