import * as graphql from 'graphql';
import { GraphQLError, Kind, print } from 'graphql';
import { DEFAULT_LIMITS } from '../../../src/server/limits';
import { subscriptionLimits } from '../../../src/server/plugins/subscriptionLimits';

// graphql's exports are getters, so its `parse` is replaced for this file to count the real parses.
jest.mock('graphql', () => {
  const actual = jest.requireActual<typeof import('graphql')>('graphql');
  return { ...actual, parse: jest.fn(actual.parse) };
});
const parseCalls = (): number => (graphql.parse as jest.Mock).mock.calls.length;

const HEAD_CHANGED = 'subscription { headChanged { sha } }';

describe('subscriptionLimits parse hand-over', () => {
  it('gives graphql-ws the document onSubscribe parsed instead of parsing the same text again', () => {
    const hooks = subscriptionLimits({ ...DEFAULT_LIMITS });
    const before = parseCalls();
    expect(hooks.onSubscribe(null, '1', { query: HEAD_CHANGED })).toBeUndefined();
    const first = hooks.parse(HEAD_CHANGED);
    expect(first.kind).toBe(Kind.DOCUMENT);
    expect(parseCalls() - before).toBe(1);
    // Handed over once: a later parse of the same text parses again.
    const second = hooks.parse(HEAD_CHANGED);
    expect(parseCalls() - before).toBe(2);
    expect(second).not.toBe(first);
    expect(print(second)).toBe(print(first));
  });

  it('parses a different text itself, with the token limit', () => {
    const hooks = subscriptionLimits({ ...DEFAULT_LIMITS, maxTokens: 10 });
    hooks.onSubscribe(null, '1', { query: HEAD_CHANGED });
    const other = 'subscription { headChanged { at: sha } }';
    expect(print(hooks.parse(other))).toContain('at: sha');
    expect(() => hooks.parse(`subscription { ${'a '.repeat(20)} }`)).toThrow(/tokens/);
  });

  it('refuses an over-long document in onSubscribe as the client\'s error and hands nothing over', () => {
    const hooks = subscriptionLimits({ ...DEFAULT_LIMITS, maxTokens: 5 });
    const long = 'subscription { headChanged { sha message date } }';
    const refused = hooks.onSubscribe(null, '1', { query: long });
    expect(refused).toHaveLength(1);
    expect(refused?.[0]).toBeInstanceOf(GraphQLError);
    expect(() => hooks.parse(long)).toThrow(/tokens/);
  });
});
