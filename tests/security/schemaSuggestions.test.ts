// With introspection off, no error may name a part of the schema the client did not write: graphql-js
// ends many messages with its guesses ("Did you mean the enum value "FAMILY"?"), in validation
// (enum literals) and in variable coercion (enum variables), which armor's field-suggestion mask
// does not catch. Over HTTP (Apollo) and over the WebSocket (graphql-ws), with the real server.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { errorCodes, indexedRepo, post, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

let indexed: Indexed;
let open: RunningServer;
let closed: RunningServer;

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  open = await startServer(indexed.indexer);
  closed = await startServer(indexed.indexer, { ...DEFAULT_LIMITS, introspection: false });
}, 60_000);

afterAll(async () => {
  await open?.close();
  await closed?.close();
  await indexed?.cleanup();
});

const ENUM_VARIABLE = 'query($k: FamilyKind) { families(kind: $k) { totalCount } }';

/** Each mistake, and the message it gets with the guess taken off. */
const MISTAKES: Array<{ label: string; query: string; variables?: Record<string, unknown>; code: string; message: string }> = [
  {
    label: 'a misspelt enum literal',
    query: '{ families(kind: FAMILLY) { totalCount } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Value "FAMILLY" does not exist in "FamilyKind" enum.',
  },
  {
    label: 'an enum value written as a string',
    query: '{ families(kind: "FAMILY") { totalCount } }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Enum "FamilyKind" cannot represent non-enum value: "FAMILY".',
  },
  {
    label: 'a misspelt enum variable',
    query: ENUM_VARIABLE,
    variables: { k: 'FAMILLY' },
    code: 'BAD_USER_INPUT',
    message: 'Variable "$k" got invalid value "FAMILLY"; Value "FAMILLY" does not exist in "FamilyKind" enum.',
  },
  {
    label: 'an enum variable in lower case',
    query: ENUM_VARIABLE,
    variables: { k: 'department' },
    code: 'BAD_USER_INPUT',
    message: 'Variable "$k" got invalid value "department"; Value "department" does not exist in "FamilyKind" enum.',
  },
];

describe.each(MISTAKES)('over HTTP: $label', ({ query, variables, code, message }) => {
  it('answers the mistake without the guess when introspection is off', async () => {
    const answer = await post(closed.url, query, variables);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual([code]);
    expect(answer.body.errors![0]!.message).toBe(message);
    expect(answer.text).not.toMatch(/Did you mean|enum value "|"DEPARTMENT"/);
  });

  it('keeps the guess when introspection is on (the schema is public then)', async () => {
    const answer = await post(open.url, query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]!.message).toMatch(/^.+ Did you mean the enum value "(FAMILY|DEPARTMENT)"\?$/);
  });
});

/** Sends one subscription over graphql-ws; resolves with every error message the socket returned. */
async function socketErrors(url: string, query: string, variables?: Record<string, unknown>): Promise<string[]> {
  const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<string[]>((resolve) => {
      const messages: string[] = [];
      client.subscribe(
        { query, variables },
        {
          next: (value) => messages.push(...(value.errors ?? []).map((e) => e.message)),
          error: (err) => resolve([...messages, ...(Array.isArray(err) ? err.map((e: { message: string }) => e.message) : [String(err)])]),
          complete: () => resolve(messages),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('over the WebSocket', () => {
  // No subscription field takes an enum, so a variable cannot reach coercion there; a misspelt
  // default value is still validated (and the variable is reported unused).
  const enumDefault = 'subscription($k: FamilyKind = FAMILLY) { headChanged { changedRoleIds } }';

  it('answers an enum mistake without the guess when introspection is off', async () => {
    const messages = await socketErrors(closed.url, enumDefault);
    expect(messages).toEqual(['Value "FAMILLY" does not exist in "FamilyKind" enum.', 'Variable "$k" is never used.']);
  });

  it('answers a misspelt field without the guess when introspection is off', async () => {
    const messages = await socketErrors(closed.url, 'subscription { headChanged { changedRoleId } }');
    expect(messages).toEqual(['Cannot query field "changedRoleId" on type "HeadChange".']);
  });

  it('keeps the guesses when introspection is on', async () => {
    const messages = await socketErrors(open.url, enumDefault);
    expect(messages).toEqual(['Value "FAMILLY" does not exist in "FamilyKind" enum. Did you mean the enum value "FAMILY"?', 'Variable "$k" is never used.']);
  });
});
