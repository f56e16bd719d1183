// The webhook endpoints over real HTTP on 127.0.0.1: an express app with just the router.
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createWebhookRouter, signGithub, signStandardWebhook } from '../../src/server/webhooks';
import type { PushInfo, WebhookOutcome, WebhookRouterOptions } from '../../src/server/webhooks';

const GITHUB_SECRET = 'gh-secret-for-tests';
const GITLAB_TOKEN = 'gl-token-for-tests';
const SIGNING_SECRET = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const BEFORE = 'a'.repeat(40);
const AFTER = 'b'.repeat(40);

interface Harness {
  url: string;
  pushes: PushInfo[];
  outcomes: Array<[string, WebhookOutcome]>;
  close(): Promise<void>;
}

async function start(overrides: Partial<WebhookRouterOptions> = {}, before?: (app: express.Express) => void): Promise<Harness> {
  const pushes: PushInfo[] = [];
  const outcomes: Array<[string, WebhookOutcome]> = [];
  const app = express();
  before?.(app);
  app.use(
    createWebhookRouter({
      branch: 'main',
      githubSecret: GITHUB_SECRET,
      gitlabToken: GITLAB_TOKEN,
      onPush: (info) => pushes.push(info),
      onOutcome: (provider, outcome) => outcomes.push([provider, outcome]),
      ...overrides,
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pushes,
    outcomes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function pushBody(ref = 'refs/heads/main'): string {
  return JSON.stringify({ ref, before: BEFORE, after: AFTER, repository: { clone_url: 'https://evil.example/x.git' } });
}

function github(h: Harness, body: string, headers: Record<string, string> = {}) {
  return fetch(`${h.url}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': signGithub(body, GITHUB_SECRET),
      ...headers,
    },
    body,
  });
}

function gitlab(h: Harness, body: string, headers: Record<string, string> = {}) {
  return fetch(`${h.url}/webhooks/gitlab`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': GITLAB_TOKEN, ...headers },
    body,
  });
}

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('POST /webhooks/github', () => {
  it('accepts a signed push to the tracked branch with 202 and calls onPush once', async () => {
    h = await start();
    const res = await github(h, pushBody(), { 'x-github-delivery': 'd-1' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'accepted' });
    expect(h.pushes).toEqual([{ provider: 'github', deliveryId: 'd-1', before: BEFORE, after: AFTER }]);
    expect(h.outcomes).toEqual([['github', 'accepted']]);
  });

  it('refuses a wrong or missing signature with 401 and triggers nothing', async () => {
    h = await start();
    const wrong = await github(h, pushBody(), { 'x-hub-signature-256': signGithub(pushBody(), 'not the secret') });
    expect(wrong.status).toBe(401);
    const tampered = await github(h, pushBody(), { 'x-hub-signature-256': signGithub(pushBody('refs/heads/other'), GITHUB_SECRET) });
    expect(tampered.status).toBe(401);
    const missing = await fetch(`${h.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'push' },
      body: pushBody(),
    });
    expect(missing.status).toBe(401);
    expect(h.pushes).toEqual([]);
    expect(h.outcomes.map(([, o]) => o)).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
  });

  it('ignores pushes to other branches and tags, and other events, with 202', async () => {
    h = await start();
    const other = await github(h, pushBody('refs/heads/feature'));
    expect(other.status).toBe(202);
    expect(await other.json()).toMatchObject({ status: 'ignored' });
    expect((await github(h, pushBody('refs/tags/main'))).status).toBe(202);
    const issue = JSON.stringify({ action: 'opened' });
    expect((await github(h, issue, { 'x-github-event': 'issues', 'x-hub-signature-256': signGithub(issue, GITHUB_SECRET) })).status).toBe(202);
    expect(h.pushes).toEqual([]);
    expect(h.outcomes.map(([, o]) => o)).toEqual(['ignored', 'ignored', 'ignored']);
  });

  it('answers ping with 200', async () => {
    h = await start();
    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const res = await github(h, body, { 'x-github-event': 'ping', 'x-hub-signature-256': signGithub(body, GITHUB_SECRET) });
    expect(res.status).toBe(200);
    expect(h.pushes).toEqual([]);
  });

  it('triggers once for a repeated delivery id', async () => {
    h = await start();
    const first = await github(h, pushBody(), { 'x-github-delivery': 'same-id' });
    const again = await github(h, pushBody(), { 'x-github-delivery': 'same-id' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(h.pushes).toHaveLength(1);
  });

  it('rejects a body over the limit with 413 and triggers nothing', async () => {
    h = await start();
    const big = JSON.stringify({ ref: 'refs/heads/main', pad: 'x'.repeat(1024 * 1024 + 10) });
    const res = await github(h, big);
    expect(res.status).toBe(413);
    expect(h.pushes).toEqual([]);
    expect(h.outcomes).toEqual([['github', 'too_large']]);
  });

  it('answers 400 to a signed push whose body is not JSON', async () => {
    h = await start();
    const body = '{"ref": "refs/heads/main",';
    const res = await github(h, body);
    expect(res.status).toBe(400);
    expect(h.pushes).toEqual([]);
  });

  it('reads GitHub’s form-encoded deliveries', async () => {
    h = await start();
    const body = new URLSearchParams({ payload: pushBody() }).toString();
    const res = await github(h, body, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(202);
    expect(h.pushes).toHaveLength(1);
  });

  it('refuses with 403 when no secret is configured, unless unauthenticated use is allowed', async () => {
    h = await start({ githubSecret: undefined });
    expect((await github(h, pushBody())).status).toBe(403);
    expect(h.pushes).toEqual([]);
    await h.close();
    h = await start({ githubSecret: undefined, allowUnauthenticated: true });
    expect((await github(h, pushBody(), { 'x-hub-signature-256': '' })).status).toBe(202);
    expect(h.pushes).toHaveLength(1);
  });

  it('still answers 202 when onPush throws', async () => {
    h = await start({
      onPush: () => {
        throw new Error('boom');
      },
    });
    expect((await github(h, pushBody())).status).toBe(202);
  });

  it('refuses to guess when a body parser mounted earlier consumed the raw body', async () => {
    h = await start({}, (app) => app.use(express.json()));
    const res = await github(h, pushBody());
    expect(res.status).toBe(500);
    expect(h.pushes).toEqual([]);
  });
});

describe('POST /webhooks/gitlab', () => {
  it('accepts a push with the right X-Gitlab-Token', async () => {
    h = await start();
    const res = await gitlab(h, pushBody(), { 'idempotency-key': 'gl-1' });
    expect(res.status).toBe(202);
    expect(h.pushes).toEqual([{ provider: 'gitlab', deliveryId: 'gl-1', before: BEFORE, after: AFTER }]);
  });

  it('refuses a wrong or missing token with 401', async () => {
    h = await start();
    expect((await gitlab(h, pushBody(), { 'x-gitlab-token': 'gl-token-for-test' })).status).toBe(401);
    const missing = await fetch(`${h.url}/webhooks/gitlab`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gitlab-event': 'Push Hook' },
      body: pushBody(),
    });
    expect(missing.status).toBe(401);
    expect(h.pushes).toEqual([]);
  });

  it('ignores tag pushes and other branches, and deduplicates by Idempotency-Key', async () => {
    h = await start();
    expect((await gitlab(h, pushBody('refs/tags/v1'), { 'x-gitlab-event': 'Tag Push Hook' })).status).toBe(202);
    expect((await gitlab(h, pushBody('refs/heads/dev'))).status).toBe(202);
    expect((await gitlab(h, pushBody(), { 'idempotency-key': 'k' })).status).toBe(202);
    expect((await gitlab(h, pushBody(), { 'idempotency-key': 'k' })).status).toBe(202);
    expect(h.pushes).toHaveLength(1);
  });

  describe('signed webhooks (webhook-signature)', () => {
    const now = 1_750_000_000;
    function signed(body: string, id: string, timestamp: number) {
      const ts = String(timestamp);
      return {
        'webhook-id': id,
        'webhook-timestamp': ts,
        'webhook-signature': signStandardWebhook({ id, timestamp: ts, body: Buffer.from(body) }, SIGNING_SECRET),
      };
    }

    it('accepts a valid signature and refuses an expired one', async () => {
      h = await start({ gitlabToken: undefined, gitlabSigningSecret: SIGNING_SECRET, nowSeconds: () => now });
      const ok = await gitlab(h, pushBody(), signed(pushBody(), 'msg-1', now - 30));
      expect(ok.status).toBe(202);
      const expired = await gitlab(h, pushBody(), signed(pushBody(), 'msg-2', now - 600));
      expect(expired.status).toBe(401);
      const tampered = await gitlab(h, pushBody('refs/heads/dev'), signed(pushBody(), 'msg-3', now));
      expect(tampered.status).toBe(401);
      expect(h.pushes).toEqual([{ provider: 'gitlab', deliveryId: 'msg-1', before: BEFORE, after: AFTER }]);
    });

    it('requires both the token and the signature when both are configured', async () => {
      h = await start({ gitlabSigningSecret: SIGNING_SECRET, nowSeconds: () => now });
      const tokenOnly = await gitlab(h, pushBody());
      expect(tokenOnly.status).toBe(401);
      const both = await gitlab(h, pushBody(), signed(pushBody(), 'msg-4', now));
      expect(both.status).toBe(202);
      const signatureOnly = await gitlab(h, pushBody(), { ...signed(pushBody(), 'msg-5', now), 'x-gitlab-token': '' });
      expect(signatureOnly.status).toBe(401);
      expect(h.pushes).toHaveLength(1);
    });

    it('rejects a malformed signing secret when the router is built', () => {
      expect(() => createWebhookRouter({ branch: 'main', gitlabSigningSecret: 'whsec_%%%', onPush: () => {} })).toThrow(/whsec_/);
    });
  });
});
