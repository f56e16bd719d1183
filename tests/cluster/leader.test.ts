// One poller among three replicas: only the replica holding the Redis lock polls the repository;
// killed (SIGKILL, no clean release), another replica takes the lock within about one TTL and
// a commit pushed afterwards (no webhook) reaches every survivor, announced by the new leader.
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';
import { startRedis, type TestRedis } from '../helpers/redisServer';
import { eventually, logLines, readyz, startReplicas, stopReplicas, type Replica } from '../helpers/replicas';

jest.setTimeout(240_000);

const TTL_MS = 3_000;
const POLL_SECONDS = 1;
const FILE = 'content/job-families/sales/director-regional-sales.md';
const ORIGINAL = seed('director-regional-sales.md');

let redis: TestRedis;
let repo: TestRepo;
let replicas: Replica[] = [];

/** The replicas answering /readyz that say they lead, once exactly one does (and all are on Redis). */
function soleLeader(among: () => Replica[], timeoutMs: number) {
  return eventually('exactly one polling leader', async () => {
    const live = among();
    const bodies = await Promise.all(live.map(readyz));
    if (bodies.some((b) => b === null || b.redis !== 'up')) return null;
    const leaders = live.filter((_r, i) => bodies[i]?.leader === true);
    return leaders.length === 1 ? leaders[0] : null;
  }, timeoutMs);
}

/**
 * Reasons of the refreshes that began at or after `sinceMs`. A `refreshed` line is written when its
 * refresh ends: a replica polls on its own until it has subscribed (Redis not yet `up` for it), and
 * on a loaded machine a poll it began then can end after the replicas all say `up`.
 */
function reasonsStartedSince(replica: Replica, sinceMs: number): unknown[] {
  return logLines(replica)
    .filter((line) => line.msg === 'refreshed' && Number(line.time) - Number(line.durationSeconds) * 1000 >= sinceMs)
    .map((line) => line.reason);
}

function refreshReasons(replica: Replica, sinceMs: number, head?: string): unknown[] {
  return logLines(replica)
    .filter((line) => line.msg === 'refreshed' && Number(line.time) >= sinceMs && (head === undefined || line.head === head))
    .map((line) => line.reason);
}

beforeAll(async () => {
  redis = await startRedis();
  repo = makeRepo([{ message: 'Add the regional sales director', files: { [FILE]: ORIGINAL } }]);
  replicas = await startReplicas(3, { repoDir: repo.dir, redisUrl: redis.url, pollSeconds: POLL_SECONDS, env: { ROLEGRAPH_REDIS_LOCK_TTL_MS: String(TTL_MS) } });
  await eventually('every replica ready', async () => (await Promise.all(replicas.map(readyz))).every((b) => b?.status === 'ready'), 90_000);
});

afterAll(async () => {
  await stopReplicas(replicas);
  await redis?.close();
  repo?.cleanup();
});

describe('one polling leader', () => {
  it('polls from the leader only, and hands over within about one TTL when the leader dies', async () => {
    const leader = await soleLeader(() => replicas, 30_000);
    const followers = replicas.filter((r) => r !== leader);

    // A few poll intervals with everyone on Redis: the leader polls, the followers do not.
    const windowStart = Date.now();
    await eventually('the leader polling at least twice', async () => refreshReasons(leader, windowStart).filter((r) => r === 'poll').length >= 2);
    // (A follower may still finish a catch-up refresh from start-up, `rejoin`; it starts no poll.)
    for (const follower of followers) expect(reasonsStartedSince(follower, windowStart).filter((r) => r === 'poll')).toEqual([]);
    expect(await soleLeader(() => replicas, 1_000)).toBe(leader);

    // No clean shutdown: the lock is not released, it has to expire.
    const killedAt = Date.now();
    leader.child.kill('SIGKILL');
    await leader.exited;
    const next = await soleLeader(() => followers, 6 * TTL_MS);
    const handOverMs = Date.now() - killedAt;
    // The lock expires at most one TTL after the last renewal; followers try every quarter TTL. The
    // rest is slack for a loaded machine.
    expect(handOverMs).toBeLessThan(2 * TTL_MS);

    const pushedAt = Date.now();
    const sha = repo.commit({ message: 'Regrade the regional sales director', files: { [FILE]: ORIGINAL.replace('is a [grade 10]', 'is a [grade 11]') } });
    await eventually('both survivors serving the new commit', async () => (await Promise.all(followers.map(readyz))).every((b) => b?.head === sha), 30_000);
    // The new leader found it by polling and announced it; the other survivor followed the announcement.
    const other = followers.find((r) => r !== next) as Replica;
    // /readyz can show the new head before the `refreshed` line has crossed the stdout pipe: the
    // two travel on different channels, so wait for the lines rather than assume their order.
    await eventually('both survivors logging the refresh', async () => refreshReasons(next, pushedAt, sha).length > 0 && refreshReasons(other, pushedAt, sha).length > 0, 10_000);
    // Every successful poll logs `refreshed`, so the leader goes on logging the same head once a
    // second after it moved there: as many lines as polls, all of them polls.
    expect(new Set(refreshReasons(next, pushedAt, sha))).toEqual(new Set(['poll']));
    expect(refreshReasons(other, pushedAt, sha)).toEqual(['announced']);
  });
});
