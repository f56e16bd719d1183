// Fuzzing the graphql-ws protocol over a real socket on 127.0.0.1 (bounded runs): random message
// sequences — well-formed messages with random fields, wrong types, broken JSON, binary — never
// make the server fail internally (no 4500 close, no "websocket message failed" log line), the log
// stays JSON lines, and the server keeps answering HTTP afterwards.
import fc from 'fast-check';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import { Writable } from 'node:stream';
import pino from 'pino';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { indexedRepo, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

const RUNS = { numRuns: 40 };
let indexed: Indexed;
let server: RunningServer;
const logLines: string[] = [];

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  // A short init wait, so a sequence without connection_init ends quickly.
  server = await startServer(indexed.indexer, { ...DEFAULT_LIMITS, wsInitTimeoutMs: 200, maxBodyBytes: 64 * 1024 }, { logger: pino({ level: 'info' }, sink) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await indexed?.cleanup();
});

const id = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null));
const query = fc.oneof(
  fc.constantFrom('subscription { headChanged { changedRoleIds } }', '{ repository { branch } }', 'subscription { __schema { types { name } } }', 'subscription {', ''),
  fc.string({ maxLength: 200 }),
  fc.integer(),
);
const frame: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constant(JSON.stringify({ type: 'connection_init' })),
  fc.record({ type: fc.constant('connection_init'), payload: fc.anything() }).map((m) => JSON.stringify(m)),
  fc.record({ id, type: fc.constant('subscribe'), payload: fc.record({ query, variables: fc.anything(), operationName: fc.anything() }, { requiredKeys: ['query'] }) }).map((m) => JSON.stringify(m)),
  fc.record({ id, type: fc.constantFrom('complete', 'ping', 'pong', 'next', 'error', 'connection_ack', 'bogus') }).map((m) => JSON.stringify(m)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 100 }),
  fc.uint8Array({ maxLength: 100 }).map((a) => Buffer.from(a)),
);

/** Sends `frames` on a fresh socket; resolves with the close code once the socket is closed (by either side). */
async function play(frames: Array<string | Buffer>): Promise<number> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, GRAPHQL_TRANSPORT_WS_PROTOCOL);
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    socket.once('open', () => resolve());
    socket.once('close', () => resolve());
  });
  for (const f of frames) if (socket.readyState === WebSocket.OPEN) socket.send(f);
  // Let the server answer, then leave (the init wait closes sockets that never initialised).
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (socket.readyState === WebSocket.OPEN) socket.close(1000);
  return closed;
}

it('closes a socket sending a server-only message type with 4400, not as an internal failure', async () => {
  for (const type of ['connection_ack', 'next', 'error']) {
    expect([type, await play([JSON.stringify({ type: 'connection_init' }), JSON.stringify({ id: '1', type })])]).toEqual([type, 4400]);
  }
});

it('answers random message sequences without an internal failure', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 12 }), async (frames) => {
      const code = await play(frames);
      expect(code).not.toBe(4500);
    }),
    RUNS,
  );
  const entries = logLines.map((line) => JSON.parse(line) as { msg: string });
  expect(entries.filter((e) => e.msg === 'websocket message failed')).toEqual([]);
  const answer = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ repository { branch } }"}' });
  expect(await answer.json()).toEqual({ data: { repository: { branch: 'main' } } });
});
