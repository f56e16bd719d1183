// graphql-ws runs operations outside Apollo's pipeline; the same limits must hold on the socket,
// and only subscriptions are accepted there, so a client cannot route around /graphql's defences.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { VP_ROLE, indexedRepo, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

let indexed: Indexed;
let server: RunningServer;
let closed: RunningServer;

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  server = await startServer(indexed.indexer);
  closed = await startServer(indexed.indexer, { ...DEFAULT_LIMITS, introspection: false });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await closed?.close();
  await indexed?.cleanup();
});

/** graphql-ws reports validation errors as a list, and a refused parse as the socket's close event. */
function describe(err: unknown): string[] {
  if (Array.isArray(err)) return err.map((e: { message: string }) => e.message);
  if (err && typeof err === 'object' && 'code' in err && 'reason' in err) return [`closed ${String(err.code)}: ${String(err.reason)}`];
  return [err instanceof Error ? err.message : String(err)];
}

/** Sends one operation over the socket; resolves with the data it got or the error messages. */
async function overSocket(url: string, query: string): Promise<{ data: unknown[]; errors: string[] }> {
  const client: Client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  const data: unknown[] = [];
  try {
    const errors = await new Promise<string[]>((resolve) => {
      client.subscribe(
        { query },
        {
          next: (value) => data.push(value),
          error: (err) => resolve(describe(err)),
          complete: () => resolve([]),
        },
      );
    });
    return { data, errors };
  } finally {
    await client.dispose();
  }
}

/** headChanged's payload is shallow, so the depth comes from nested inline fragments. */
function deepSubscription(levels: number): string {
  let nested = 'sha';
  for (let i = 0; i < levels; i += 1) nested = `... on Commit { ${nested} }`;
  return `subscription { headChanged { head { ${nested} } } }`;
}

it('refuses a query sent over the socket', async () => {
  const { data, errors } = await overSocket(server.url, `{ role(id: "${VP_ROLE}") { grade } }`);
  expect(data).toEqual([]);
  expect(errors.join(' ')).toContain('Only subscriptions are served over WebSocket');
});

it('refuses a mutation sent over the socket', async () => {
  const { data, errors } = await overSocket(server.url, 'mutation { refresh { head { sha } } }');
  expect(data).toEqual([]);
  expect(errors.join(' ')).toContain('Only subscriptions');
});

it('applies the alias limit to subscriptions', async () => {
  const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: changedRoleIds`).join(' ');
  const { data, errors } = await overSocket(server.url, `subscription { headChanged { ${aliases} } }`);
  expect(data).toEqual([]);
  expect(errors.join(' ')).toContain(`Aliases limit of ${DEFAULT_LIMITS.maxAliases}`);
});

it('applies the token limit to subscriptions', async () => {
  const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'changedRoleIds').join(' ');
  const { data, errors } = await overSocket(server.url, `subscription { headChanged { ${fields} } }`);
  expect(data).toEqual([]);
  expect(errors.join(' ')).toContain(`more that ${DEFAULT_LIMITS.maxTokens} tokens`);
  expect(errors.join(' ')).not.toContain('closed'); // an error message, not a dropped socket
});

it('applies the depth limit to subscriptions', async () => {
  const { data, errors } = await overSocket(server.url, deepSubscription(50));
  expect(data).toEqual([]);
  expect(errors.join(' ')).toContain(`depth limit of ${DEFAULT_LIMITS.maxDepth}`);
});

it('refuses introspection over the socket when it is off', async () => {
  const { data, errors } = await overSocket(closed.url, 'subscription { __schema { types { name } } }');
  expect(data).toEqual([]);
  expect(errors.join(' ')).toMatch(/introspection/i);
});
