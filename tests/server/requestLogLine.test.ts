// The request log's line, byte for byte, from its listener alone (no express, no Apollo): the exact
// text a log pipeline parses — key order, message, level per status and path, the error shape of a
// 5xx, a request whose client went away — on a pino logger with a fixed clock. The lines below are
// what the listener wrote when pino-http made them; the listener must keep writing them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createRequestLog } from '../../src/server/requestLog';

const lines: string[] = [];
const logger = pino({ level: 'debug', base: { service: 'rolegraph' }, timestamp: () => ',"time":0' }, { write: (line: string) => void lines.push(line) });
const requestLog = createRequestLog(logger);

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer(
    requestLog.listener((req, res) => {
      const path = req.url!.split('?')[0];
      if (path === '/graphql') {
        requestLog.noteCacheHit(req, 'Roles');
        res.end('{}');
      } else if (path === '/shared') {
        requestLog.noteSharedAnswer(req, null);
        res.end('{}');
      } else if (path === '/healthz') {
        res.end('ok');
      } else if (path === '/fail') {
        res.statusCode = 502;
        res.end('no');
      } else if (path === '/gone') {
        // The client is gone before any answer: the line is written on `close`.
        req.socket.destroy();
      } else {
        res.statusCode = 404;
        res.end('missing');
      }
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The line logged for request `id`, its duration (a clock reading) set to 0. */
async function lineFor(id: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const found = lines.filter((text) => text.includes(`"requestId":"${id}"`));
    if (found.length > 1) throw new Error(`${found.length} lines for ${id}`);
    if (found.length === 1) return found[0]!.replace(/"durationMs":\d+/, '"durationMs":0');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no line for ${id}`);
}

async function send(method: string, path: string, id: string): Promise<Response> {
  return fetch(`${base}${path}`, { method, headers: { 'x-request-id': id } });
}

describe('the request log line', () => {
  it('names the request, its answer, its duration and what the GraphQL side noted, in this order', async () => {
    const res = await send('POST', '/graphql?query=SECRET', 'line-1');
    expect(res.headers.get('x-request-id')).toBe('line-1');
    expect(await lineFor('line-1')).toBe(
      '{"level":30,"time":0,"service":"rolegraph","requestId":"line-1","req":{"method":"POST","path":"/graphql"},"res":{"statusCode":200},"durationMs":0,"graphql":{"operationName":"Roles","errorCodes":[],"cache":"hit"},"msg":"request completed"}\n',
    );
    await send('POST', '/shared', 'line-2');
    expect(await lineFor('line-2')).toBe(
      '{"level":30,"time":0,"service":"rolegraph","requestId":"line-2","req":{"method":"POST","path":"/shared"},"res":{"statusCode":200},"durationMs":0,"graphql":{"operationName":null,"errorCodes":[],"cache":"shared"},"msg":"request completed"}\n',
    );
  });

  // The error's shape is pino's own err serializer applied to the { message } the log keeps.
  it('logs probes at debug, a client error at info, a server error at error with its status as the message', async () => {
    await send('GET', '/healthz', 'line-3');
    expect(await lineFor('line-3')).toBe('{"level":20,"time":0,"service":"rolegraph","requestId":"line-3","req":{"method":"GET","path":"/healthz"},"res":{"statusCode":200},"durationMs":0,"msg":"request completed"}\n');
    await send('GET', '/nothing', 'line-4');
    expect(await lineFor('line-4')).toBe('{"level":30,"time":0,"service":"rolegraph","requestId":"line-4","req":{"method":"GET","path":"/nothing"},"res":{"statusCode":404},"durationMs":0,"msg":"request completed"}\n');
    await send('GET', '/fail', 'line-5');
    expect(await lineFor('line-5')).toBe(
      '{"level":50,"time":0,"service":"rolegraph","requestId":"line-5","req":{"method":"GET","path":"/fail"},"res":{"statusCode":502},"err":{"type":"Object","message":"failed with status code 502","stack":""},"durationMs":0,"msg":"request errored"}\n',
    );
  });

  it('logs a request whose client went away before the answer as aborted', async () => {
    await expect(send('GET', '/gone', 'line-6')).rejects.toThrow();
    expect(await lineFor('line-6')).toBe('{"level":30,"time":0,"service":"rolegraph","requestId":"line-6","req":{"method":"GET","path":"/gone"},"res":{"statusCode":200},"durationMs":0,"msg":"request aborted"}\n');
  });

  it('writes exactly one line per request', async () => {
    await send('GET', '/healthz', 'line-7');
    await lineFor('line-7');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((text) => text.includes('"requestId":"line-7"'))).toHaveLength(1);
  });
});
