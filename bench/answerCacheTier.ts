// What a hit of the HTTP answer cache would cost if it lived in Redis (shared by the replicas)
// instead of in each replica's memory: the same 4.5 KB answer read from the process's LRU and with
// a GET from a redis-server on loopback (the best case: a real deployment adds a network hop),
// one at a time and 10 in flight. Written to decide whether the answer cache should be shared
// (issue 14); the README's "Several replicas" gives the decision, bench/ANALYSIS.md the numbers.
// Run: npx tsc -p bench/tsconfig.json && node dist-bench/bench/answerCacheTier.js
import { spawn } from 'node:child_process';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import { createRedisClient } from '../src/cluster';

const ANSWER_BYTES = 4_500;
const ROUNDS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Sequential latency (µs, p50/p99) and throughput with `inFlight` concurrent reads. */
async function measure(label: string, read: () => Promise<unknown>, inFlight: number): Promise<void> {
  for (let i = 0; i < 2_000; i += 1) await read(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await read();
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  const start = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (issued < ROUNDS) {
        issued += 1;
        await read();
      }
    }),
  );
  const perSecond = ROUNDS / ((performance.now() - start) / 1000);
  process.stdout.write(
    `${label.padEnd(28)} one at a time p50 ${quantile(times, 0.5).toFixed(1)} µs, p99 ${quantile(times, 0.99).toFixed(1)} µs; ${inFlight} in flight ${Math.round(perSecond).toLocaleString('en')} reads/s\n`,
  );
}

async function main(): Promise<void> {
  const port = await freePort();
  const redisServer = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const connection = createRedisClient(`redis://127.0.0.1:${port}`);
  try {
    while (connection.status() !== 'up') await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = Buffer.alloc(ANSWER_BYTES, 'a');
    const key = 'rolegraph:bench:answer';
    await connection.client.set(key, answer);
    const lru = new LRUCache<string, Buffer>({ max: 1000 });
    lru.set(key, answer);
    await measure('in-process LRU', async () => lru.get(key), 10);
    await measure('Redis GET (loopback)', () => connection.client.getBuffer(key), 10);
  } finally {
    await connection.close();
    redisServer.kill('SIGTERM');
  }
}

void main();
