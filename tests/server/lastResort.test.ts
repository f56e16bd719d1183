// The last-resort answer (src/server/lastResort.ts), shared by express's chain and the GraphQL fast
// lane: a client's 4xx keeps its status, anything else is a plain 500 without a stack, and nothing
// is written once an answer has begun.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastResortStatus, writeLastResort } from '../../src/server/lastResort';

describe('lastResortStatus', () => {
  it('keeps a 4xx the error names and makes anything else a 500', () => {
    expect(lastResortStatus(Object.assign(new Error('too large'), { status: 413 }))).toBe(413);
    expect(lastResortStatus({ status: 400 })).toBe(400);
    expect(lastResortStatus({ status: 302 })).toBe(500);
    expect(lastResortStatus({ status: 503 })).toBe(500);
    expect(lastResortStatus({ status: '404' })).toBe(500);
    expect(lastResortStatus(new Error('boom'))).toBe(500);
    expect(lastResortStatus(null)).toBe(500);
    expect(lastResortStatus('a string')).toBe(500);
  });
});

describe('writeLastResort', () => {
  let server: http.Server;
  let base: string;
  const failures = new Map<string, unknown>([
    ['/boom', new Error('secret path /srv/rolegraph in the message')],
    ['/bad', Object.assign(new Error('x'), { status: 400 })],
  ]);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/begun') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        writeLastResort(res, new Error('late'));
        res.end();
        return;
      }
      writeLastResort(res, failures.get(req.url ?? ''));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a failure of ours as a plain 500 in GraphQL error shape', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(text).toBe('{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
  });

  it("answers a client's 4xx with its status", async () => {
    const res = await fetch(`${base}/bad`);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"errors":[{"message":"Bad request","extensions":{"code":"BAD_REQUEST"}}]}');
  });

  it('writes nothing once an answer has begun', async () => {
    const res = await fetch(`${base}/begun`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('partial');
  });
});
