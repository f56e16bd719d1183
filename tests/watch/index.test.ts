// Pins the public API of the watch layer: the server builds against exactly these names.
import * as watch from '../../src/watch';

describe('src/watch public exports', () => {
  it('exports the refresher factory and the backoff helpers, and nothing else', () => {
    expect(Object.keys(watch).sort()).toEqual(['DEFAULT_BACKOFF', 'backoffDelay', 'createRefresher']);
    expect(typeof watch.createRefresher).toBe('function');
    expect(watch.DEFAULT_BACKOFF).toEqual({ initialMs: 5_000, maxMs: 300_000 });
  });
});
