import * as api from '../../src/graphql';

describe('src/graphql public API', () => {
  it('exports exactly what the server builds on', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['HEAD_CHANGED', 'RefreshFailedError', 'buildRolegraphSchema', 'createContext', 'createRolegraphPubSub', 'formatError', 'parseGlobalId', 'publishHeadChanges', 'rootCause'].sort(),
    );
    expect(typeof api.buildRolegraphSchema).toBe('function');
    expect(api.HEAD_CHANGED).toBe('HEAD_CHANGED');
  });
});
