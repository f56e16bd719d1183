// Identical queries in flight at once share one execution and its bytes; distinct ones, live state
// and error answers do not; large operations (diffs) wait for one of a few slots. Executions are
// counted by a plugin added through the server's extraPlugins, shared answers and waiting requests
// by the server's own /metrics.
import type { ApolloServerPlugin } from '@apollo/server';
import pino from 'pino';
import type { RolegraphContext } from '../../../src/graphql';
import type { Indexer } from '../../../src/index/types';
import { createServer, type RolegraphServer } from '../../../src/server/app';
import { makeIndexer, makeSampleHandbook, TEAM_LEAD, type SampleHandbook } from '../../graphql/sampleHandbook';

let handbook: SampleHandbook;
let indexer: Indexer;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

/** Counts executions and how many run at once; while `hold` is set, every execution waits for it. */
class Executions {
  count = 0;
  running = 0;
  maxRunning = 0;
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  readonly plugin: ApolloServerPlugin<RolegraphContext> = {
    requestDidStart: async () => {
      let executed = false;
      return {
        // The last hook before an operation runs, whichever executor then answers it: graphql-js's
        // executionDidStart never comes for an answer graphql-jit gives (src/server/jitPlugin.ts).
        responseForOperation: async () => {
          executed = true;
          this.count += 1;
          this.running += 1;
          this.maxRunning = Math.max(this.maxRunning, this.running);
          if (this.gate) await this.gate;
          return null;
        },
        willSendResponse: async () => {
          if (executed) this.running -= 1;
        },
      };
    },
  };
}

async function start(executions: Executions, responseCacheEntries = 0): Promise<{ server: RolegraphServer; base: string }> {
  const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries };
  const server = await createServer({ config, indexer, logger: pino({ level: 'silent' }), extraPlugins: [executions.plugin] });
  return { server, base: `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}` };
}

interface Answer {
  status: number;
  text: string;
  requestId: string | null;
}

async function post(base: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text(), requestId: res.headers.get('x-request-id') };
}

async function metric(base: string, line: RegExp): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const found = text.split('\n').find((l) => line.test(l));
  return found ? Number(found.split(' ').pop()) : 0;
}

/** Polls until `read` gives `want` (generous: the machine may be loaded), else fails with the last value. */
async function until(read: () => Promise<number>, want: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = await read();
  while (last !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    last = await read();
  }
  expect(last).toBe(want);
}

const waiting = (base: string, queue: string) => () => metric(base, new RegExp(`^rolegraph_graphql_waiting_requests\\{queue="${queue}"\\}`));
const shared = (base: string) => () => metric(base, /^rolegraph_graphql_shared_answers_total /);

it.each([
  ['off', 0],
  ['on', 100],
])('executes ten identical queries in flight at once once, and sends all ten the same bytes (answer cache %s)', async (_label, entries) => {
  const executions = new Executions();
  const { server, base } = await start(executions, entries);
  try {
    executions.hold();
    const body = { query: 'query Role($id: ID!) { role(id: $id) { key title grade } }', variables: { id: TEAM_LEAD } };
    const answers = Promise.all(Array.from({ length: 10 }, () => post(base, body)));
    await until(waiting(base, 'singleFlight'), 9);
    expect(executions.count).toBe(1);
    executions.release();
    const all = await answers;
    expect(executions.count).toBe(1);
    expect(all.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(all.map((a) => a.text)).size).toBe(1);
    expect(JSON.parse(all[0]!.text).data.role.key).toBe(TEAM_LEAD);
    // Each request keeps its own id; only the answer is shared.
    expect(new Set(all.map((a) => a.requestId)).size).toBe(10);
    expect(await shared(base)()).toBe(9);
    expect(await waiting(base, 'singleFlight')()).toBe(0);
  } finally {
    executions.release();
    await server.close();
  }
});

it('executes distinct queries each, and a later identical query again', async () => {
  const executions = new Executions();
  const { server, base } = await start(executions);
  try {
    const bodies = ['grade', 'title', 'key'].map((field) => ({ query: `{ role(id: "${TEAM_LEAD}") { ${field} } }` }));
    const all = await Promise.all(bodies.map((b) => post(base, b)));
    expect(all.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(executions.count).toBe(3);
    await post(base, bodies[0]);
    expect(executions.count).toBe(4);
    expect(await shared(base)()).toBe(0);
  } finally {
    await server.close();
  }
});

it('lets identical requests for live state execute themselves', async () => {
  const executions = new Executions();
  const { server, base } = await start(executions);
  try {
    executions.hold();
    const body = { query: '{ repository { status } }' };
    const answers = Promise.all(Array.from({ length: 3 }, () => post(base, body)));
    // The first one holds in execution; the others learn at once that they may not wait for it.
    await until(async () => executions.count, 3);
    executions.release();
    const all = await answers;
    expect(all.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await shared(base)()).toBe(0);
  } finally {
    executions.release();
    await server.close();
  }
});

it('never shares an error answer: identical requests with a bad ref each get their coded error, without a 500 or a stack', async () => {
  const executions = new Executions();
  const { server, base } = await start(executions);
  try {
    executions.hold();
    const body = { query: '{ diff(from: "no-such-ref", to: "main") { roles { id } } }' };
    const answers = Promise.all(Array.from({ length: 3 }, () => post(base, body)));
    await until(waiting(base, 'singleFlight'), 2);
    executions.release();
    const all = await answers;
    expect(executions.count).toBe(3);
    for (const a of all) {
      expect(a.status).toBe(200);
      const parsed = JSON.parse(a.text) as { errors: Array<{ extensions: { code: string; stacktrace?: unknown } }> };
      expect(parsed.errors.map((e) => e.extensions.code)).toEqual(['BAD_REF']);
      expect(a.text).not.toMatch(/stacktrace|\n\s+at /);
    }
    expect(await shared(base)()).toBe(0);
  } finally {
    executions.release();
    await server.close();
  }
});

it('executes at most two diffs at once; the others wait for a slot and are answered', async () => {
  const executions = new Executions();
  const { server, base } = await start(executions);
  try {
    executions.hold();
    const [v1, v2, v3] = handbook.shas;
    const pairs = [
      [v1, v2],
      [v1, v3],
      [v2, v3],
      [v1, 'main'],
    ];
    const answers = Promise.all(pairs.map(([from, to]) => post(base, { query: `{ diff(from: "${from}", to: "${to}") { roles { id change } } }` })));
    await until(waiting(base, 'admission'), 2);
    expect(executions.count).toBe(2);
    executions.release();
    const all = await answers;
    expect(all.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (const a of all) expect(JSON.parse(a.text).errors).toBeUndefined();
    expect(executions.count).toBe(4);
    expect(executions.maxRunning).toBe(2);
    expect(await waiting(base, 'admission')()).toBe(0);
  } finally {
    executions.release();
    await server.close();
  }
});
