// ROLEGRAPH_CORS_ORIGINS: how it is read, and what a preflight and an answer carry over real HTTP.
import { ConfigError, loadConfig } from '../../src/server/config';
import { parseCorsOrigins } from '../../src/server/cors';
import { startHttpServer, type HttpTestServer } from '../helpers/httpServer';
import { seed } from '../helpers/makeRepo';

const APP = 'https://hr.example.com';
const OTHER = 'https://evil.example.net';
const COMMITS = [{ message: 'Add VP of Commercial Sales', files: { 'content/job-families/sales/vp-of-commercial-sales.md': seed('vp-of-commercial-sales.md') } }];

describe('parseCorsOrigins', () => {
  it('reads nothing as no CORS, `*` as any origin, and a list as exact origins', () => {
    expect(parseCorsOrigins(undefined)).toEqual({ kind: 'none' });
    expect(parseCorsOrigins(' , ')).toEqual({ kind: 'none' });
    expect(parseCorsOrigins('*')).toEqual({ kind: 'any' });
    expect(parseCorsOrigins(` ${APP}, http://localhost:5173,${APP}`)).toEqual({ kind: 'exact', origins: [APP, 'http://localhost:5173'] });
  });

  it('refuses what a browser never sends as Origin, and `*` among named origins', () => {
    expect(() => parseCorsOrigins(`${APP}/`)).toThrow('"https://hr.example.com/" is not an origin like https://app.example.com (did you mean https://hr.example.com?)');
    expect(() => parseCorsOrigins('hr.example.com')).toThrow('"hr.example.com" is not an origin');
    expect(() => parseCorsOrigins('ftp://files.example.com')).toThrow('"ftp://files.example.com" is not an origin');
    expect(() => parseCorsOrigins(`*,${APP}`)).toThrow('`*` cannot be combined with named origins');
  });

  it('stops startup through loadConfig with a ConfigError', () => {
    expect(loadConfig({}, { ROLEGRAPH_CORS_ORIGINS: APP }, '/srv').corsOrigins).toEqual({ kind: 'exact', origins: [APP] });
    expect(() => loadConfig({}, { ROLEGRAPH_CORS_ORIGINS: 'https://hr.example.com/app' }, '/srv')).toThrow(ConfigError);
  });
});

function preflight(base: string, origin: string, requestHeaders: string): Promise<Response> {
  return fetch(`${base}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

function postFrom(base: string, origin: string): Promise<Response> {
  return fetch(`${base}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ grades { level } }' }) });
}

describe('named origins', () => {
  let t: HttpTestServer;
  beforeAll(async () => {
    t = await startHttpServer(COMMITS, { ROLEGRAPH_CORS_ORIGINS: `${APP},http://localhost:5173` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the preflight of an allowed origin, Authorization included', async () => {
    const res = await preflight(t.base, APP, 'content-type,authorization');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,apollo-require-preflight,x-apollo-operation-name,authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('echoes an allowed origin on the answer, with Vary: Origin, and exposes the ETag', async () => {
    const res = await postFrom(t.base, APP);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toBe('etag,x-request-id');
    expect(res.headers.get('vary')).toBe('Origin, Accept');
  });

  it('gives any other origin no Access-Control-Allow-Origin, on the preflight and on an answer served from the answer cache', async () => {
    const pre = await preflight(t.base, OTHER, 'content-type');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    // The allowed origin's answer is now in the HTTP answer cache; the other origin must not get its headers.
    await postFrom(t.base, APP);
    const res = await postFrom(t.base, OTHER);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
    const again = await postFrom(t.base, APP);
    expect(again.headers.get('x-rolegraph-cache')).toBe('hit');
    expect(again.headers.get('access-control-allow-origin')).toBe(APP);
  });
});

describe('any origin (`*`)', () => {
  let t: HttpTestServer;
  beforeAll(async () => {
    t = await startHttpServer(COMMITS, { ROLEGRAPH_CORS_ORIGINS: '*' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('allows every origin to read, but never to send Authorization', async () => {
    const res = await preflight(t.base, OTHER, 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,apollo-require-preflight,x-apollo-operation-name');
    expect((await postFrom(t.base, OTHER)).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('unset', () => {
  let t: HttpTestServer;
  beforeAll(async () => {
    t = await startHttpServer(COMMITS);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends no CORS header at all', async () => {
    const res = await postFrom(t.base, APP);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(t.base, APP, 'content-type');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
