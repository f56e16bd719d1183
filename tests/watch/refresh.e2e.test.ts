// Live refresh end to end: a bare "remote" repository, the real git source and indexer, the
// webhook router and the refresher on 127.0.0.1 — a push followed by a signed webhook shows up in
// the served view; a dead remote keeps the old view; a burst of webhooks costs at most two fetches.
import express from 'express';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGitSource } from '../../src/git';
import type { GitSource } from '../../src/git';
import { createIndexer } from '../../src/index';
import type { Indexer, Role } from '../../src/index';
import { createWebhookRouter, signGithub } from '../../src/server/webhooks';
import { createRefresher } from '../../src/watch';
import { DEFAULT_WEBHOOK_WINDOW_SECONDS } from '../../src/watch/refresher';
import type { Refresher } from '../../src/watch';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';
import { DIRECTOR_FAMILY as FAMILY, DIRECTOR_FILE as FILE, DIRECTOR_PAGE as ORIGINAL, directorAtGrade as withGrade } from '../helpers/regradedDirector';

const SECRET = 'e2e-webhook-secret';

function directorGrade(indexer: Indexer): number | null | undefined {
  const roles: readonly Role[] = indexer.current()?.head.roles ?? [];
  return roles.find((r) => r.familySlug === FAMILY)?.grade;
}

/** Polls until `check` holds; fails with `what` when it does not within the deadline. */
async function eventually(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface World {
  work: TestRepo;
  remoteDir: string;
  cacheDir: string;
  indexer: Indexer;
  refresher: Refresher;
  url: string;
  /** fetch count through GitSource.update */
  updates: () => number;
  /** While set, every update waits for it: a slow remote, so a burst can land during one fetch. */
  hold(gate: Promise<void> | null): void;
  push(): void;
  close(): Promise<void>;
}

async function startWorld(): Promise<World> {
  const work = makeRepo([{ message: 'Add the regional sales director', files: { [FILE]: ORIGINAL } }]);
  const remoteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-remote-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remoteDir], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  const push = () => work.git('push', '-q', remoteDir, 'main');
  push();
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cache-'));

  const real = createGitSource({ remote: remoteDir, branch: 'main', cacheDir });
  let updates = 0;
  let gate: Promise<void> | null = null;
  // The real source, with update() counted (and optionally held back) on its way through.
  const source: GitSource = {
    ...real,
    async update() {
      updates += 1;
      if (gate) await gate;
      return real.update();
    },
  };
  const indexer = createIndexer({ source, cacheDir, url: remoteDir, branch: 'main', contentDir: 'content/job-families' });
  const refresher = createRefresher(indexer, { pollSeconds: 0, backoff: { initialMs: 60_000, maxMs: 60_000 } });

  const app = express();
  app.use(
    createWebhookRouter({
      branch: 'main',
      githubSecret: SECRET,
      onPush: (info) => void refresher.trigger(`webhook:${info.provider}`),
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  return {
    work,
    remoteDir,
    cacheDir,
    indexer,
    refresher,
    url: `http://127.0.0.1:${port}`,
    updates: () => updates,
    hold: (g) => {
      gate = g;
    },
    push,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await refresher.stop();
      await indexer.close();
      work.cleanup();
      fs.rmSync(remoteDir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

function sendPush(world: World, deliveryId: string): Promise<Response> {
  const body = JSON.stringify({ ref: 'refs/heads/main', before: '0'.repeat(40), after: world.work.head() });
  return fetch(`${world.url}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': signGithub(body, SECRET),
    },
    body,
  });
}

describe('live refresh over a real remote', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
    expect(await world.refresher.trigger('startup')).not.toBeNull();
    expect(directorGrade(world.indexer)).toBe(10);
  });
  afterEach(async () => {
    await world.close();
  });

  it('serves a pushed grade change after a signed webhook', async () => {
    const sha = world.work.commit({ message: 'Regrade the director', files: { [FILE]: withGrade(11) } });
    world.push();
    const res = await sendPush(world, 'delivery-1');
    expect(res.status).toBe(202);
    await eventually('the new grade', () => directorGrade(world.indexer) === 11);
    expect(world.indexer.current()?.head.commit.sha).toBe(sha);
    expect(world.indexer.status().lastError).toBeNull();
  });

  it('keeps serving the last good view and reports the error when the remote is gone', async () => {
    const before = world.indexer.current()?.head.commit.sha;
    fs.rmSync(world.remoteDir, { recursive: true, force: true });
    const res = await sendPush(world, 'delivery-dead');
    expect(res.status).toBe(202);
    await eventually('the failure', () => world.refresher.stats().failures === 1 && !world.refresher.stats().inFlight);
    expect(world.indexer.current()?.head.commit.sha).toBe(before);
    expect(directorGrade(world.indexer)).toBe(10);
    const status = world.indexer.status();
    expect(status.lastError).toEqual(expect.any(String));
    expect(status.lastError).not.toBe('');
    expect(status.phase).toBe('failed'); // FAILED while the last good view serves (issue 13)
  });

  it('recovers on its own once the remote is back, by retrying with backoff (no webhook, no polling)', async () => {
    // A second refresher over the same indexer, started, polling off, with short retry delays.
    const poller = createRefresher(world.indexer, { pollSeconds: 0, backoff: { initialMs: 50, maxMs: 200 } });
    const moved = `${world.remoteDir}.away`;
    fs.renameSync(world.remoteDir, moved);
    try {
      poller.start();
      expect(await poller.trigger('webhook')).toBeNull();
      expect(world.indexer.status().lastError).toEqual(expect.any(String));
      const sha = world.work.commit({ message: 'Regrade while the remote was away', files: { [FILE]: withGrade(9) } });
      fs.renameSync(moved, world.remoteDir);
      world.push(); // no webhook and no polling: only the backoff retries can find it
      // Wait for the retry to finish, not only for the swap: the indexer serves the new view before
      // it has written the extended timeline and cleared lastError, a window a loaded machine widens.
      await eventually('the retried refresh', () => directorGrade(world.indexer) === 9 && poller.stats().consecutiveFailures === 0);
      expect(world.indexer.current()?.head.commit.sha).toBe(sha);
      expect(world.indexer.status().lastError).toBeNull();
      expect(poller.stats()).toMatchObject({ consecutiveFailures: 0, lastError: null });
      expect(poller.stats().failures).toBeGreaterThanOrEqual(1);
    } finally {
      await poller.stop();
      if (fs.existsSync(moved)) fs.renameSync(moved, world.remoteDir);
    }
  });

  it('turns a burst of 50 webhooks into at most two fetches and still picks up the last push', async () => {
    const sha = world.work.commit({ message: 'Regrade the director again', files: { [FILE]: withGrade(12) } });
    world.push();
    const fetchesBefore = world.updates();
    let release!: () => void;
    world.hold(new Promise<void>((resolve) => (release = resolve)));

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => sendPush(world, `burst-${i}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(202));
    world.hold(null);
    release();

    await eventually('the burst to settle', () => !world.refresher.stats().inFlight && directorGrade(world.indexer) === 12);
    expect(world.updates() - fetchesBefore).toBeGreaterThanOrEqual(1);
    expect(world.updates() - fetchesBefore).toBeLessThanOrEqual(2);
    expect(world.indexer.current()?.head.commit.sha).toBe(sha);
  });

  it('bounds a sustained flood (200 signed deliveries over 0.5 s) to a fetch per webhook window, the last push included', async () => {
    const fetchesBefore = world.updates();
    const answers: Array<Promise<Response>> = [];
    let sha = '';
    const started = Date.now();
    for (let wave = 0; wave < 10; wave += 1) {
      if (wave === 9) {
        // The last push lands during the flood: the window's closing fetch must see it.
        sha = world.work.commit({ message: 'Regrade the director during the flood', files: { [FILE]: withGrade(14) } });
        world.push();
      }
      for (let i = 0; i < 20; i += 1) answers.push(sendPush(world, `flood-${wave}-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual(Array(200).fill(202));
    // On a loaded machine the deliveries may take longer than 0.5 s to arrive: one fetch per window they span.
    const windows = Math.ceil((Date.now() - started) / (DEFAULT_WEBHOOK_WINDOW_SECONDS * 1000));

    await eventually('the flood to settle', () => !world.refresher.stats().inFlight && directorGrade(world.indexer) === 14);
    // Without the window, every fetch that ended during the flood started another (about one per 50 ms).
    expect(world.updates() - fetchesBefore).toBeGreaterThanOrEqual(1);
    expect(world.updates() - fetchesBefore).toBeLessThanOrEqual(1 + windows);
    expect(world.refresher.stats().webhookCoalesced).toBeGreaterThanOrEqual(200 - 1 - windows);
    expect(world.indexer.current()?.head.commit.sha).toBe(sha);
  });
});
