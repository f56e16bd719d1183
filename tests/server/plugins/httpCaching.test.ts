// Cache-Control and ETag over real HTTP: pinned queries immutable, head-relative ones short and
// revalidated with 304, everything else no-store — and a new head changes the head ETags.
import { createHash } from 'node:crypto';
import { startHttpServer, type HttpTestServer } from '../../helpers/httpServer';
import { seed } from '../../helpers/makeRepo';
import { ENCODE_AHEAD_MIN_CHARS } from '../../../src/server/plugins/answerText';
import { NO_STORE, PINNED_CACHE_CONTROL } from '../../../src/server/plugins/httpCaching';

const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const VP_PATH = 'content/job-families/sales/vp-of-commercial-sales.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const ADMIN_TOKEN = 'admin-token-for-caching-tests';

let t: HttpTestServer;
let firstSha: string;

beforeAll(async () => {
  t = await startHttpServer(
    [
      { message: 'Add High Velocity Sales', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } },
      { message: 'Add VP of Commercial Sales', files: { [VP_PATH]: seed('vp-of-commercial-sales.md') } },
    ],
    { ROLEGRAPH_ADMIN_TOKEN: ADMIN_TOKEN, ROLEGRAPH_HEAD_MAX_AGE_SECONDS: '7' },
  );
  firstSha = t.repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
});

afterAll(async () => {
  await t?.close();
});

function getUrl(query: string, variables?: Record<string, unknown>): string {
  const params = new URLSearchParams({ query });
  if (variables) params.set('variables', JSON.stringify(variables));
  return `${t.base}/graphql?${params}`;
}

async function get(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<Response> {
  return fetch(getUrl(query, variables), { headers: { accept: 'application/json', ...headers } });
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('a query pinned to full shas', () => {
  it('is immutable for a year with a strong ETag, over GET and POST alike', async () => {
    const query = `{ role(id: "${TEAM_LEAD}", at: "${firstSha}") { title grade } }`;
    const viaGet = await get(query);
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('cache-control')).toBe(PINNED_CACHE_CONTROL);
    const tag = viaGet.headers.get('etag');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(((await viaGet.json()) as any).data.role.title).toBe('SMB Advocate Team Lead');

    const viaPost = await post({ query });
    expect(viaPost.headers.get('cache-control')).toBe(PINNED_CACHE_CONTROL);
    expect(viaPost.headers.get('etag')).toBe(tag);
  });

  it('names one representation: another Accept, another ETag', async () => {
    const query = `{ role(id: "${TEAM_LEAD}", at: "${firstSha}") { title } }`;
    const json = await get(query, { accept: 'application/json' });
    const graphqlJson = await get(query, { accept: 'application/graphql-response+json' });
    expect(graphqlJson.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(graphqlJson.headers.get('etag')).not.toBe(json.headers.get('etag'));
    expect(json.headers.get('vary')).toBe('Accept');
  });

  it('counts a sha given as a variable, and both sides of a diff', async () => {
    const head = t.repo.head();
    const viaVariable = await get('query ($at: String) { grades(at: $at) { level } }', {}, { at: firstSha });
    expect(viaVariable.headers.get('cache-control')).toBe(PINNED_CACHE_CONTROL);
    const diff = await get(`{ diff(from: "${firstSha}", to: "${head}") { families { slug change } } }`);
    expect(diff.headers.get('cache-control')).toBe(PINNED_CACHE_CONTROL);
  });

  it('is not pinned when one root field follows the head or reads the whole history', async () => {
    const mixed = await get(`{ role(id: "${TEAM_LEAD}", at: "${firstSha}") { title } grades { level } }`);
    expect(mixed.headers.get('cache-control')).toBe('public, max-age=7');
    const history = await get(`{ role(id: "${TEAM_LEAD}", at: "${firstSha}") { history { totalCount } } }`);
    expect(history.headers.get('cache-control')).toBe('public, max-age=7');
    const shortSha = await get(`{ grades(at: "${firstSha.slice(0, 12)}") { level } }`);
    expect(shortSha.headers.get('cache-control')).toBe('public, max-age=7');
  });
});

describe('a head-relative query', () => {
  it('gets the short max-age and a 304 on a matching If-None-Match (GET)', async () => {
    const query = '{ roles(first: 5) { totalCount } }';
    const first = await get(query);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=7');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const again = await get(query, { 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const other = await get(query, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('tags the bytes sent: sha256 of the head, Accept and the body without its final newline, over GET and POST', async () => {
    // Curly quotes in the seed's responsibilities: an answer V8 keeps as UTF-16, whose bytes the tag hashes.
    const query = '{ family(slug: "sales/high-velocity-sales-and-first-orders") { roles { title responsibilities requirements } } }';
    const head = t.repo.git('rev-parse', 'HEAD').trim();
    const expectedTag = (body: Buffer): string =>
      `"${createHash('sha256').update(`head\0${head}\0application/json\0`).update(body.subarray(0, body.length - 1)).update('\0').digest('base64url')}"`;
    const viaPost = await post({ query });
    const postBody = Buffer.from(await viaPost.arrayBuffer());
    expect(postBody.toString('utf8')).toMatch(/[\u0100-\uffff]/);
    // Long enough to be encoded ahead and written as those bytes by the fast lane (answerText.ts).
    expect(postBody.toString('utf8').length).toBeGreaterThanOrEqual(ENCODE_AHEAD_MIN_CHARS);
    expect(postBody[postBody.length - 1]).toBe(0x0a);
    expect(viaPost.headers.get('content-length')).toBe(String(postBody.length));
    expect(viaPost.headers.get('etag')).toBe(expectedTag(postBody));

    const viaGet = await get(query);
    const getBody = Buffer.from(await viaGet.arrayBuffer());
    expect(getBody.equals(postBody)).toBe(true);
    expect(viaGet.headers.get('etag')).toBe(expectedTag(getBody));
    const again = await get(query, { 'if-none-match': expectedTag(getBody) });
    expect(again.status).toBe(304);
  });

  it('tags a short answer, hashed as text, with the same sha256 of its bytes', async () => {
    const query = '{ family(slug: "sales/high-velocity-sales-and-first-orders") { title roles { title } } }';
    const head = t.repo.git('rev-parse', 'HEAD').trim();
    const expectedTag = (body: Buffer): string =>
      `"${createHash('sha256').update(`head\0${head}\0application/json\0`).update(body.subarray(0, body.length - 1)).update('\0').digest('base64url')}"`;
    for (const response of [await post({ query }), await get(query)]) {
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.length).toBeLessThan(ENCODE_AHEAD_MIN_CHARS);
      expect(response.headers.get('etag')).toBe(expectedTag(body));
    }
  });

  it('answers a POST with If-None-Match in full: 304 is for GET only', async () => {
    const body = { query: '{ grades { level } }' };
    const tag = (await post(body)).headers.get('etag')!;
    const again = await post(body, { 'if-none-match': tag });
    expect(again.status).toBe(200);
    expect(((await again.json()) as any).data.grades.length).toBeGreaterThan(0);
  });

  it('gets a new ETag when the head moves, even when the answer is the same', async () => {
    const query = `{ family(slug: "sales/high-velocity-sales-and-first-orders") { title } }`;
    const before = await get(query);
    const beforeBody = await before.text();
    t.repo.commit({ message: 'Unrelated README', files: { 'README.md': 'handbook\n' } });
    await t.indexer.refresh();
    const after = await get(query, { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(await after.text()).toBe(beforeBody);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });
});

describe('answers that are never kept', () => {
  it('no-store for errors, live fields, admin requests and mutations', async () => {
    const badRef = await get('{ grades(at: "no-such-ref") { level } }');
    expect(((await badRef.json()) as any).errors[0].extensions.code).toBe('BAD_REF');
    expect(badRef.headers.get('cache-control')).toBe(NO_STORE);
    expect(badRef.headers.get('etag')).toBeNull();

    const live = await post({ query: '{ repository { status } }' });
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe(NO_STORE);

    const admin = await post({ query: '{ grades { level } }' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('cache-control')).toBe(NO_STORE);
    expect(admin.headers.get('etag')).toBeNull();

    const anyAuthorization = await post({ query: '{ grades { level } }' }, { authorization: 'Bearer not-the-token' });
    expect(anyAuthorization.headers.get('cache-control')).toBe(NO_STORE);

    const mutation = await post({ query: 'mutation { refresh { head { sha } } }' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(mutation.status).toBe(200);
    expect(mutation.headers.get('cache-control')).toBe(NO_STORE);
  });
});
