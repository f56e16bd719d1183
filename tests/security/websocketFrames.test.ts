// A hostile WebSocket frame is the client's problem, and the log stays JSON lines: a 2 MB frame
// (over the 1 MiB frame cap, ws's maxPayload) closes that socket with 1009 and writes one log line,
// where graphql-ws's own adapter printed a multi-line stack with node_modules paths to stderr.
import { Writable } from 'node:stream';
import pino from 'pino';
import WebSocket from 'ws';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { indexedRepo, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

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
  server = await startServer(indexed.indexer, DEFAULT_LIMITS, { logger: pino({ level: 'info' }, sink) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await indexed?.cleanup();
});

/** A graphql-ws socket past connection_ack. */
async function acknowledgedSocket(): Promise<WebSocket> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, GRAPHQL_TRANSPORT_WS_PROTOCOL);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', (data) => (JSON.parse(String(data)).type === 'connection_ack' ? resolve() : reject(new Error(String(data)))));
    socket.once('error', reject);
  });
  return socket;
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

it('closes a socket sending a 2 MB frame with 1009 and logs one JSON line, no stack', async () => {
  const printed: unknown[][] = [];
  const spies = (['error', 'warn', 'log'] as const).map((name) => jest.spyOn(console, name).mockImplementation((...args: unknown[]) => void printed.push(args)));
  const stderr = jest.spyOn(process.stderr, 'write');
  try {
    const socket = await acknowledgedSocket();
    const closed = closeOf(socket);
    socket.on('error', () => undefined); // the server answers the frame by closing; nothing else to see
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'x'.repeat(2 * 1024 * 1024) } }));
    expect((await closed).code).toBe(1009);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server's close handlers run
    expect(printed).toEqual([]);
    expect(stderr).not.toHaveBeenCalled();
  } finally {
    for (const spy of spies) spy.mockRestore();
    stderr.mockRestore();
  }
  const entries = logLines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string; code?: string } });
  const socketErrors = entries.filter((entry) => entry.msg === 'websocket error');
  expect(socketErrors).toHaveLength(1);
  expect(socketErrors[0]!.err).toMatchObject({ message: 'Max payload size exceeded', code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' });
  expect(logLines.join('\n')).not.toMatch(/node_modules|\n\s+at /);
});

it('keeps serving other sockets and HTTP after a hostile frame', async () => {
  const socket = await acknowledgedSocket();
  socket.close(1000);
  const answer = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ repository { branch } }"}' });
  expect(await answer.json()).toEqual({ data: { repository: { branch: 'main' } } });
});
