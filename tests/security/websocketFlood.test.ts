// One client must not be able to hold the WebSocket side of the server: sockets in all and per
// address, subscriptions per socket and in all, and the connection_init wait are capped, excess is
// closed with graphql-ws's close codes (4429 too many, 4408 no init), and plain HTTP queries keep
// their latency while a bounded flood of subscribe frames hits the socket. Real server, loopback.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_LIMITS, type Limits } from '../../src/server/limits';
import { indexedRepo, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

let indexed: Indexed;
const servers: RunningServer[] = [];

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
}, 60_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  await indexed?.cleanup();
});

async function serverWith(limits: Partial<Limits>): Promise<RunningServer> {
  const server = await startServer(indexed.indexer, { ...DEFAULT_LIMITS, ...limits });
  servers.push(server);
  return server;
}

const SUBSCRIPTION = 'subscription { headChanged { changedRoleIds } }';

interface Probe {
  socket: WebSocket;
  /** Every message the server sent, parsed. */
  messages: Array<{ type: string; id?: string }>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A raw graphql-ws socket from `localAddress` (any 127.x address is loopback), opened, not yet initialised. */
async function open(server: RunningServer, localAddress = '127.0.0.1'): Promise<Probe> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, GRAPHQL_TRANSPORT_WS_PROTOCOL, { localAddress });
  const messages: Probe['messages'] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('close', () => reject(new Error('closed before open')));
  });
  return { socket, messages, closed };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function initialised(server: RunningServer, localAddress?: string): Promise<Probe> {
  const probe = await open(server, localAddress);
  probe.socket.send(JSON.stringify({ type: 'connection_init' }));
  await until(() => probe.messages.some((m) => m.type === 'connection_ack'), 'connection_ack');
  return probe;
}

function subscribe(probe: Probe, id: string): void {
  probe.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: SUBSCRIPTION } }));
}

function isOpen(probe: Probe): boolean {
  return probe.socket.readyState === WebSocket.OPEN;
}

it('closes a socket with 4429 at its first subscription over the per-connection cap', async () => {
  const server = await serverWith({ maxSubscriptionsPerConnection: 3 });
  const probe = await initialised(server);
  for (let i = 1; i <= 3; i += 1) subscribe(probe, String(i));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(isOpen(probe)).toBe(true);
  expect(probe.messages.filter((m) => m.type === 'error')).toEqual([]);
  subscribe(probe, '4');
  expect(await probe.closed).toEqual({ code: 4429, reason: 'Too many subscriptions' });
});

it('closes with 4429 a 20,000-frame subscribe flood on one socket, having subscribed only up to the cap', async () => {
  const server = await serverWith({});
  const probe = await initialised(server);
  for (let i = 0; i < 20_000; i += 1) subscribe(probe, `f${i}`);
  expect(await probe.closed).toEqual({ code: 4429, reason: 'Too many subscriptions' });
  // The socket is gone and nothing it started is left: a fresh socket gets its full allowance.
  const next = await initialised(server);
  for (let i = 0; i < DEFAULT_LIMITS.maxSubscriptionsPerConnection; i += 1) subscribe(next, String(i));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(isOpen(next)).toBe(true);
  next.socket.close(1000);
});

it('caps subscriptions over all sockets', async () => {
  const server = await serverWith({ maxSubscriptionsPerConnection: 3, maxSubscriptions: 4 });
  const a = await initialised(server);
  const b = await initialised(server);
  for (const id of ['1', '2', '3']) subscribe(a, id);
  subscribe(b, '1');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect([isOpen(a), isOpen(b)]).toEqual([true, true]);
  subscribe(b, '2');
  expect(await b.closed).toEqual({ code: 4429, reason: 'Too many subscriptions' });
  expect(isOpen(a)).toBe(true);
  a.socket.close(1000);
});

it('closes with 4429 a socket over the per-address cap, counting each address on its own', async () => {
  const server = await serverWith({ maxWsConnectionsPerAddress: 2 });
  const first = await open(server);
  const second = await open(server);
  const third = await open(server);
  expect(await third.closed).toEqual({ code: 4429, reason: 'Too many connections' });
  const elsewhere = await initialised(server, '127.0.0.2');
  expect(isOpen(elsewhere)).toBe(true);
  // A closed socket frees its place.
  first.socket.close(1000);
  await first.closed;
  const again = await initialised(server);
  expect(isOpen(again)).toBe(true);
  for (const probe of [second, elsewhere, again]) probe.socket.close(1000);
});

it('closes with 4429 a socket over the total cap, whatever its address', async () => {
  const server = await serverWith({ maxWsConnections: 2 });
  const a = await open(server, '127.0.0.3');
  const b = await open(server, '127.0.0.4');
  const c = await open(server, '127.0.0.5');
  expect(await c.closed).toEqual({ code: 4429, reason: 'Too many connections' });
  for (const probe of [a, b]) probe.socket.close(1000);
});

it('closes a socket that never sends connection_init with 4408 once the wait is over', async () => {
  const server = await serverWith({ wsInitTimeoutMs: 300 });
  const started = Date.now();
  const probe = await open(server);
  expect(await probe.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
});

/** The 95th percentile of `count` sequential plain queries, in milliseconds. */
async function p95(url: string, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = process.hrtime.bigint();
    // A different body each time: a cache hit would not measure the server's work.
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ repository { branch } } # ${i}` }) });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((x, y) => x - y);
  return times[Math.ceil(count * 0.95) - 1]!;
}

/** Quiet and loud p95 on `server`: the loud one while another process floods subscribe frames. */
async function latencies(server: RunningServer): Promise<{ quiet: number; loud: number }> {
  const quiet = await p95(server.url, 200);
  // The flood, from another process: 10 sockets, each sending 20,000 subscribe frames.
  const attacker = spawn(process.execPath, [path.join(__dirname, 'floodChild.js'), `${server.url.replace('http', 'ws')}/graphql`, '10', '20000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      attacker.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('flooding') && resolve());
      attacker.once('exit', (code) => reject(new Error(`the attacker exited with ${code}`)));
    });
    return { quiet, loud: await p95(server.url, 200) };
  } finally {
    attacker.kill();
  }
}

it('keeps HTTP p95 latency within 5x while sockets flood subscribe frames', async () => {
  const server = await serverWith({});
  await p95(server.url, 30); // warm up: JIT, first-request paths
  // Loopback latencies are a few milliseconds and the machine is shared (CI once saw a 114 ms
  // p99 beside an 11 ms quiet one, from one stalled request of 200): compare against at least
  // 20 ms, at the 95th percentile, and give the flood three rounds. A server that lets the flood
  // hold its event loop is over in every round; a neighbour's burst of work is not.
  const rounds: Array<{ quiet: number; loud: number }> = [];
  const within = ({ quiet, loud }: { quiet: number; loud: number }): boolean => loud < 5 * Math.max(quiet, 20);
  while (rounds.length < 3 && !rounds.some(within)) rounds.push(await latencies(server));
  expect({ rounds, within: rounds.some(within) }).toEqual({ rounds, within: true });
}, 180_000);
