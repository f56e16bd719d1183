// Query throughput is reported against a bare node:http server that answers every request with
// the very bytes rolegraph answered, so the ratio isolates GraphQL + index cost from HTTP and
// JSON transfer. Load comes from autocannon, in-process, on 127.0.0.1 only.
import autocannon from 'autocannon';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadResult {
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  durationSec?: number;
  connections?: number;
}

export async function loadTest(url: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: opts.method ?? 'POST',
    body: opts.body,
    headers: { 'content-type': 'application/json', ...opts.headers },
    duration: opts.durationSec ?? 5,
    connections: opts.connections ?? 10,
  });
  return {
    requestsPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** A server that reads each request body and answers with `body`, nothing else. */
export async function startBareServer(body: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Baseline throughput for answering `body` over HTTP with no work at all. */
export async function measureBareHttp(body: Buffer, request: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const server = await startBareServer(body);
  try {
    return await loadTest(server.url, { ...opts, body: request });
  } finally {
    await server.close();
  }
}
