// /readyz as a pure function of the indexer's status: 503 until an index serves, then 200, and
// `phase: "stale"` while a served index could not be brought up to date (issue 13).
import { readiness } from '../../src/server/health';
import type { IndexStatus } from '../../src/index';

const HEAD = { sha: 'a'.repeat(40), position: 0, message: 'm', authorName: 'a', authorEmail: 'a@x', date: '2021-01-01T00:00:00.000Z', parents: [] };
const BASE: IndexStatus = {
  phase: 'ready',
  url: 'https://example.invalid/handbook.git',
  branch: 'main',
  contentDir: 'content/job-families',
  head: HEAD,
  progress: null,
  lastError: null,
  lastRefreshAt: '2026-01-01T00:00:00.000Z',
  commitCount: 1,
  familyCount: 1,
  parsedBlobCount: 1,
  cacheWriteFailures: 0,
  cacheLastWriteError: null,
  pages: { parsed: 1, loaded: 0, shared: 0, sharedFailures: 0 },
};
const NOW = Date.parse('2026-01-01T00:01:30.000Z');

describe('readiness', () => {
  it('a served, current index is ready', () => {
    const { httpStatus, body } = readiness(BASE, true, NOW);
    expect([httpStatus, body.status, body.phase, body.stalenessSeconds, body.lastError]).toEqual([200, 'ready', 'ready', 90, null]);
  });

  it('a failed refresh over a served index is stale: 200, with the reason and how old the index is', () => {
    const { httpStatus, body } = readiness({ ...BASE, phase: 'failed', lastError: 'git fetch failed: remote gone' }, true, NOW);
    expect([httpStatus, body.status, body.phase, body.stalenessSeconds, body.lastError]).toEqual([200, 'ready', 'stale', 90, 'git fetch failed: remote gone']);
  });

  it('a retry after a failure is still stale while it runs', () => {
    const { body } = readiness({ ...BASE, phase: 'refreshing', lastError: 'git fetch failed' }, true, NOW);
    expect(body.phase).toBe('stale');
  });

  it('shows failed cache writes, their reason without a server path', () => {
    const { httpStatus, body } = readiness({ ...BASE, cacheWriteFailures: 2, cacheLastWriteError: "ENOSPC: no space left on device, write '/var/cache/rolegraph/parsed/pack-000002.rg'" }, true, NOW);
    expect(httpStatus).toBe(200);
    expect(body.cache).toEqual({ writeFailures: 2, lastWriteError: "ENOSPC: no space left on device, write '[path]'" });
  });

  it('says whether Redis is configured and up, and a Redis that is down keeps the replica ready', () => {
    expect(readiness(BASE, true, NOW).body).toMatchObject({ redis: 'off', leader: null });
    expect(readiness(BASE, true, NOW, { redis: 'up', leader: true }).body).toMatchObject({ redis: 'up', leader: true });
    const down = readiness(BASE, true, NOW, { redis: 'down', leader: false });
    expect([down.httpStatus, down.body.status, down.body.redis, down.body.leader]).toEqual([200, 'ready', 'down', false]);
  });

  it('says where the page versions came from (a replica that joined through the shared parse cache parsed none)', () => {
    const { body } = readiness({ ...BASE, pages: { parsed: 0, loaded: 0, shared: 140, sharedFailures: 0 } }, true, NOW);
    expect(body.pages).toEqual({ parsed: 0, loaded: 0, shared: 140, sharedFailures: 0 });
  });

  it('a failure with nothing served is failed and 503', () => {
    const { httpStatus, body } = readiness({ ...BASE, phase: 'failed', head: null, lastRefreshAt: null, lastError: 'git fetch failed' }, false, NOW);
    expect([httpStatus, body.status, body.phase, body.stalenessSeconds]).toEqual([503, 'not_ready', 'failed', null]);
  });
});
