// JSON bodies are UTF-8 (RFC 8259 §8.1). body-parser accepts any `utf-*` charset and decodes it with
// iconv-lite, so `charset=utf-7` turned `+AF8AXw-schema` into `__schema`: a text that no filter,
// log or proxy rule reading the bytes as UTF-8 would recognise. Only UTF-8 (or no charset) is read;
// anything else answers 415 before a byte is parsed, through the answer cache's fast path and without it.
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { indexedRepo, seedCommit, type Indexed } from './harness';
import { startServer, type RunningServer } from './serverHarness';

let indexed: Indexed;
let cached: RunningServer;
let uncached: RunningServer;

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  cached = await startServer(indexed.indexer);
  uncached = await startServer(indexed.indexer, DEFAULT_LIMITS, { responseCacheEntries: 0 });
}, 60_000);

afterAll(async () => {
  await cached?.close();
  await uncached?.close();
  await indexed?.cleanup();
});

async function postBytes(url: string, contentType: string, body: Buffer): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

/** `{ __schema { queryType { name } } }` with `__` spelled in UTF-7 (`+AF8AXw-`). */
const UTF7_INTROSPECTION = Buffer.from('{"query":"{ +AF8AXw-schema { queryType { name } } }"}', 'ascii');
const PLAIN = '{"query":"{ repository { branch } }"}';

describe.each([
  ['through the answer cache', () => cached],
  ['without the answer cache', () => uncached],
])('request charset %s', (_label, server) => {
  it('refuses a UTF-7 body with 415 instead of decoding it into __schema', async () => {
    const answer = await postBytes(server().url, 'application/json; charset=utf-7', UTF7_INTROSPECTION);
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'Request body charset is not supported', extensions: { code: 'BAD_REQUEST' } }] });
    expect(answer.text).not.toContain('queryType');
  });

  it('refuses UTF-16 and UTF-32 bodies with 415', async () => {
    for (const [charset, bytes] of [
      ['utf-16le', Buffer.from(PLAIN, 'utf16le')],
      ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAIN, 'utf16le')])],
      ['utf-32', Buffer.from(PLAIN, 'ascii')],
    ] as const) {
      const answer = await postBytes(server().url, `application/json; charset=${charset}`, bytes);
      expect([charset, answer.status]).toEqual([charset, 415]);
    }
  });

  it('refuses a charset that is not UTF-at-all with 415 (as before)', async () => {
    const answer = await postBytes(server().url, 'application/json; charset=iso-8859-1', Buffer.from(PLAIN));
    expect(answer.status).toBe(415);
  });

  it('reads UTF-8 however it is spelled, and a body with no charset', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8', 'application/json;charset="utf-8"']) {
      const answer = await postBytes(server().url, contentType, Buffer.from(PLAIN));
      expect([contentType, answer.status, JSON.parse(answer.text)]).toEqual([contentType, 200, { data: { repository: { branch: 'main' } } }]);
    }
  });
});
