// Three replicas of `rolegraph serve` over one git repository and one real Redis, none of them
// polling: a signed webhook sent to replica 1 reaches the other two through the Redis channel (and
// their headChanged subscriptions fire); a persisted query registered through replica 1 answers on
// replica 2; with Redis stopped every replica keeps answering and says `redis: "down"`, and once
// Redis is back on its port the fan-out works again.
import { createHash } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signGithub } from '../../src/server/webhooks';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';
import { DIRECTOR_FAMILY as FAMILY, DIRECTOR_FILE as FILE, DIRECTOR_PAGE as ORIGINAL, directorAtGrade as withGrade } from '../helpers/regradedDirector';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { eventually, logLines, postGraphql, readyz, startReplicas, stopReplicas, type Replica } from '../helpers/replicas';

jest.setTimeout(240_000);

const SECRET = 'cluster-webhook-secret';

let redis: TestRedis;
let repo: TestRepo;
let replicas: Replica[] = [];
let deliveries = 0;

/** A signed GitHub push delivery for the tracked branch, naming `after` as its new head. */
async function sendPush(replica: Replica, after: string): Promise<number> {
  deliveries += 1;
  const body = JSON.stringify({ ref: 'refs/heads/main', before: '0'.repeat(40), after });
  const res = await fetch(`${replica.base}/webhooks/github`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': `cluster-${deliveries}`, 'x-hub-signature-256': signGithub(body, SECRET) },
    body,
  });
  return res.status;
}

/** Resolves with every replica's /readyz once `check` holds for all of them. */
function allReplicas(what: string, check: (body: NonNullable<Awaited<ReturnType<typeof readyz>>>) => boolean, timeoutMs = 30_000) {
  return eventually(what, async () => {
    const bodies = await Promise.all(replicas.map(readyz));
    return bodies.every((b) => b !== null && check(b)) ? bodies : null;
  }, timeoutMs);
}

function refreshedLines(replica: Replica, head: string): Array<Record<string, unknown>> {
  return logLines(replica).filter((line) => line.msg === 'refreshed' && line.head === head);
}

beforeAll(async () => {
  redis = await startRedis();
  repo = makeRepo([{ message: 'Add the regional sales director', files: { [FILE]: ORIGINAL } }]);
  replicas = await startReplicas(3, { repoDir: repo.dir, redisUrl: redis.url, pollSeconds: 0, env: { ROLEGRAPH_GITHUB_SECRET: SECRET } });
  await allReplicas('every replica ready with Redis up', (b) => b.status === 'ready' && b.head === repo.head() && b.redis === 'up', 90_000);
});

afterAll(async () => {
  await stopReplicas(replicas);
  await redis?.close();
  repo?.cleanup();
});

describe('three replicas over one Redis', () => {
  it('fans a webhook sent to replica 1 out to replicas 2 and 3, which poll nothing, and their subscriptions see the new head', async () => {
    const clients: Client[] = [];
    try {
      // headChanged subscriptions on the two replicas that get no webhook.
      const changed = replicas.slice(1).map((replica) => {
        const client = createClient({ url: `${replica.base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
        clients.push(client);
        return new Promise<string>((resolve, reject) => {
          client.subscribe<{ headChanged: { head: { sha: string } } }>(
            { query: 'subscription { headChanged { head { sha } } }' },
            { next: (value) => resolve(value.data?.headChanged.head.sha ?? 'no data'), error: reject, complete: () => undefined },
          );
        });
      });
      // Let the subscriptions reach the servers before the head moves (set-up, not an assertion).
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const before = repo.head();
      const sha = repo.commit({ message: 'Regrade the regional sales director', files: { [FILE]: withGrade(11) } });
      expect((await Promise.all(replicas.map(readyz))).map((b) => b?.head)).toEqual([before, before, before]);

      const sentAt = Date.now();
      expect(await sendPush(replicas[0], sha)).toBe(202);
      await allReplicas('every replica serving the pushed head', (b) => b.head === sha);
      const seconds = (Date.now() - sentAt) / 1000;
      expect(seconds).toBeLessThan(30);

      expect(await Promise.all(changed)).toEqual([sha, sha]);
      const answers = await Promise.all(replicas.map((r) => postGraphql(r, { query: '{ repository { instance clusterHead head { sha } } }' })));
      expect(answers.map((a) => a.data.repository)).toEqual([
        { instance: 'replica-1', clusterHead: sha, head: { sha } },
        { instance: 'replica-2', clusterHead: sha, head: { sha } },
        { instance: 'replica-3', clusterHead: sha, head: { sha } },
      ]);
      // Replicas 2 and 3 refreshed because of the webhook replica 1 announced, not by polling. (The
      // log line travels on stdout, not with the answers above: wait for it rather than assume.)
      await eventually('replicas 2 and 3 logging the refresh', async () => replicas.slice(1).every((replica) => refreshedLines(replica, sha).length > 0), 10_000);
      for (const replica of replicas.slice(1)) {
        expect(refreshedLines(replica, sha).map((line) => line.reason)).toEqual(['webhook:github']);
        expect(logLines(replica).filter((line) => line.msg === 'refreshed' && line.reason === 'poll')).toEqual([]);
      }
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it('answers a persisted query hash registered through replica 1 on replica 2', async () => {
    const query = `query SharedPersistedQuery { repository { instance } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const byHash = { operationName: 'SharedPersistedQuery', extensions: { persistedQuery: { version: 1, sha256Hash } } };

    const unknown = await postGraphql(replicas[1], byHash);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await postGraphql(replicas[0], { ...byHash, query });
    expect(registered).toEqual({ data: { repository: { instance: 'replica-1' } } });

    // Apollo writes the cache without waiting; the hash is in Redis a moment later.
    const shared = await eventually('replica 2 knowing the hash', async () => {
      const answer = await postGraphql(replicas[1], byHash);
      return answer.data ? answer : null;
    }, 10_000);
    expect(shared).toEqual({ data: { repository: { instance: 'replica-2' } } });
  });

  it('keeps serving with Redis stopped (ready, redis "down"), and fans out again once Redis is back on its port', async () => {
    const served = repo.head();
    await redis.stop();
    const down = await allReplicas('every replica reporting Redis down', (b) => b.redis === 'down');
    expect(down.map((b) => [b?.status, b?.head])).toEqual([
      ['ready', served],
      ['ready', served],
      ['ready', served],
    ]);
    const answers = await Promise.all(replicas.map((r) => postGraphql(r, { query: '{ repository { instance head { sha } } }' })));
    expect(answers.map((a) => a.data.repository.head.sha)).toEqual([served, served, served]);
    const metrics = await (await fetch(`${replicas[1].base}/metrics`)).text();
    expect(metrics).toMatch(/^rolegraph_redis_up 0$/m);

    // Degraded: a webhook still refreshes the replica that took it.
    const whileDown = repo.commit({ message: 'Regrade while Redis is away', files: { [FILE]: withGrade(12) } });
    expect(await sendPush(replicas[0], whileDown)).toBe(202);
    await eventually('replica 1 refreshing on its own', async () => (await readyz(replicas[0]))?.head === whileDown);

    await redis.start();
    await allReplicas('every replica back on Redis', (b) => b.redis === 'up', 60_000);

    const after = repo.commit({ message: 'Regrade after Redis came back', files: { [FILE]: withGrade(13) } });
    expect(await sendPush(replicas[0], after)).toBe(202);
    await allReplicas('every replica serving the head pushed after the restart', (b) => b.head === after);
    for (const replica of replicas.slice(1)) expect(refreshedLines(replica, after).map((line) => line.reason)).toEqual(['webhook:github']);
  });
});
