import { DEFAULT_LIMITS, LimitsConfigError, loadLimits } from '../../src/server/limits';

describe('loadLimits', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadLimits({})).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toMatchObject({ maxDepth: 12, maxAliases: 15, operationTimeoutMs: 10_000, introspection: true, maxBodyBytes: 1024 * 1024, responseCacheBytes: 64 * 1024 * 1024 });
    expect(DEFAULT_LIMITS).toMatchObject({ maxWsConnections: 1000, maxWsConnectionsPerAddress: 50, maxSubscriptionsPerConnection: 20, maxSubscriptions: 5000, wsInitTimeoutMs: 3000 });
  });

  it('reads every variable', () => {
    const limits = loadLimits({
      ROLEGRAPH_MAX_DEPTH: '7',
      ROLEGRAPH_MAX_COST: '900',
      ROLEGRAPH_MAX_ALIASES: '3',
      ROLEGRAPH_MAX_DIRECTIVES: '4',
      ROLEGRAPH_MAX_TOKENS: '800',
      ROLEGRAPH_OPERATION_TIMEOUT_MS: '2500',
      ROLEGRAPH_INTROSPECTION: 'off',
      ROLEGRAPH_MAX_BODY_BYTES: '4096',
      ROLEGRAPH_RESPONSE_CACHE_BYTES: '1048576',
      ROLEGRAPH_MAX_WS_CONNECTIONS: '30',
      ROLEGRAPH_MAX_WS_CONNECTIONS_PER_ADDRESS: '5',
      ROLEGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2',
      ROLEGRAPH_MAX_SUBSCRIPTIONS: '40',
      ROLEGRAPH_WS_INIT_TIMEOUT_MS: '1500',
    });
    expect(limits).toEqual({
      maxDepth: 7,
      maxCost: 900,
      maxAliases: 3,
      maxDirectives: 4,
      maxTokens: 800,
      operationTimeoutMs: 2500,
      introspection: false,
      maxBodyBytes: 4096,
      responseCacheBytes: 1048576,
      maxWsConnections: 30,
      maxWsConnectionsPerAddress: 5,
      maxSubscriptionsPerConnection: 2,
      maxSubscriptions: 40,
      wsInitTimeoutMs: 1500,
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadLimits({ ROLEGRAPH_MAX_DEPTH: '', ROLEGRAPH_INTROSPECTION: ' ' })).toEqual(DEFAULT_LIMITS);
  });

  it.each([
    ['ROLEGRAPH_MAX_DEPTH', '0'],
    ['ROLEGRAPH_MAX_DEPTH', '-3'],
    ['ROLEGRAPH_MAX_DEPTH', '1e3'],
    ['ROLEGRAPH_MAX_COST', 'lots'],
    ['ROLEGRAPH_OPERATION_TIMEOUT_MS', '0x10'],
    ['ROLEGRAPH_MAX_BODY_BYTES', '99999999999'],
    ['ROLEGRAPH_RESPONSE_CACHE_BYTES', '0'],
    ['ROLEGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION', '0'],
    ['ROLEGRAPH_WS_INIT_TIMEOUT_MS', '600001'],
    ['ROLEGRAPH_INTROSPECTION', 'maybe'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadLimits({ [name]: value })).toThrow(LimitsConfigError);
    expect(() => loadLimits({ [name]: value })).toThrow(name);
  });
});
