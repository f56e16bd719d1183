// The indexer's phases as data: what each serves and reports, and what carries over between them.
import { failed, lastError, lastRefreshAt, publicPhase, ready, refreshing, servedView, STARTING } from '../../src/index/indexerState';
import type { BuiltView } from '../../src/index/view';

// Only identity matters to the state functions: they hand the view on, never read it.
const VIEW = { contentDir: 'content/job-families' } as BuiltView;
const FETCHING = { stage: 'fetch', done: 0, total: 1 };

describe('indexer phases', () => {
  it('a first build shows as cloning while fetching, then indexing, and serves nothing', () => {
    const cloning = refreshing(STARTING, FETCHING);
    expect([cloning.phase, publicPhase(cloning), servedView(cloning), lastError(cloning), lastRefreshAt(cloning)]).toEqual(['refreshing', 'cloning', null, null, null]);
    const fetched = refreshing(STARTING, { stage: 'fetch', done: 1, total: 1 });
    expect(publicPhase(fetched)).toBe('indexing');
    expect(publicPhase(refreshing(STARTING, { stage: 'parse', done: 3, total: 9 }))).toBe('indexing');
  });

  it('a failed first build is failed and serves nothing', () => {
    const state = failed(refreshing(STARTING, FETCHING), 'remote unreachable');
    expect([publicPhase(state), servedView(state), lastError(state), lastRefreshAt(state)]).toEqual(['failed', null, 'remote unreachable', null]);
  });

  it('a failed refresh keeps the last good view, reports failed (not ready), and keeps the error until a success', () => {
    const good = ready(VIEW);
    const when = lastRefreshAt(good);
    expect(when).toMatch(/^\d{4}-\d\d-\d\dT/);
    const refreshingAgain = refreshing(good, FETCHING);
    expect([publicPhase(refreshingAgain), servedView(refreshingAgain), lastRefreshAt(refreshingAgain)]).toEqual(['refreshing', VIEW, when]);
    const broken = failed(refreshingAgain, 'remote unreachable');
    expect([broken.phase, publicPhase(broken), servedView(broken), lastError(broken), lastRefreshAt(broken)]).toEqual(['failed', 'failed', VIEW, 'remote unreachable', when]);
    const retrying = refreshing(broken, FETCHING);
    expect([servedView(retrying), lastError(retrying)]).toEqual([VIEW, 'remote unreachable']);
    expect(lastError(ready(VIEW))).toBeNull();
  });
});
