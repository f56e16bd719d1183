// A real redis-server for a test: on a free loopback port, nothing persisted, stopped by the test.
// `stop()` then `start()` brings it back on the same port (an outage and a recovery).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const REDIS_SERVER = '/usr/bin/redis-server';

export interface TestRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Starts it again on the same port after `stop()`; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Whether this machine has redis-server (CI installs it; a test may skip cleanly without it). */
export const hasRedisServer = (): boolean => fs.existsSync(REDIS_SERVER);

/** Extra redis-server arguments, e.g. `['--maxmemory', '2mb', '--maxmemory-policy', 'volatile-lru']`. */
export async function startRedis(extraArgs: readonly string[] = []): Promise<TestRedis> {
  // A port found free can be taken before redis binds it: try a few.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    let child: ChildProcess | null = null;
    const launch = async (): Promise<void> => {
      child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs], { stdio: 'ignore' });
      await answersPing(port, child);
    };
    try {
      await launch();
    } catch (err) {
      (child as ChildProcess | null)?.kill('SIGKILL');
      if (attempt >= 3) throw err;
      continue;
    }
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      start: launch,
      async stop() {
        const running = child as ChildProcess | null;
        child = null;
        if (!running || running.exitCode !== null || running.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.kill('SIGKILL');
        await exited;
      },
    };
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls PING until `+PONG` (generous under load), failing early if the process exits. */
async function answersPing(port: number, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (port ${port})`);
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}
