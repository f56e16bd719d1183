// The query server under load, in its own process (autocannon runs in the harness, so load
// generator and server do not share an event loop). It opens the index over the cold build's
// cache, then serves it twice through createServer — once with the response cache, once without —
// and, on request, a bare node:http server answering fixed bytes, so all three are measured by the
// same load generator against the same process. A third, uncached server has the GraphQL fast lane
// off (every request through express), for side-by-side comparisons (bench/fastLaneLoad.ts).
// Speaks over the fork IPC channel:
//   → { type: 'ready', cached, uncached, uncachedExpress, openMs }      after start
//   ← { type: 'bare', body }  → { type: 'bare', url }  (a previous bare server is closed first)
//   ← { type: 'rss' }         → { type: 'rss', maxRssMB }
//   ← { type: 'profile', file } → { type: 'profile', file }  (starts a CPU profile; with the same
//                                 file again, stops it and writes it there)
//   ← { type: 'exit' }
import fs from 'node:fs';
import { Session } from 'node:inspector';
import pino from 'pino';
import { createServer, type RolegraphServer } from '../src/server/app';
import { startBareServer } from './httpLoad';
import { maxRssMB, msSince, openIndex } from './openIndex';

export type ServerChildMessage =
  | { type: 'ready'; cached: string; uncached: string; uncachedExpress: string; openMs: number }
  | { type: 'bare'; url: string }
  | { type: 'rss'; maxRssMB: number }
  | { type: 'profile'; file: string };

export type ServerChildRequest = { type: 'bare'; body: string } | { type: 'rss' } | { type: 'profile'; file: string } | { type: 'exit' };

const QUIET = pino({ level: 'silent' });

async function serve(indexer: Parameters<typeof createServer>[0]['indexer'], responseCacheEntries: number, graphqlFastLane = true): Promise<{ server: RolegraphServer; url: string }> {
  // Written as a variable so the option type-checks before and after app.ts declares it.
  // ROLEGRAPH_JIT=1 / 0 in the harness's environment turns graphql-jit on / off (for A/Bs); unset,
  // the server's own default (on since jitPlugin.ts; builds before wt/jit ignore it).
  const jitSwitch = process.env.ROLEGRAPH_JIT;
  const jit = jitSwitch === undefined ? undefined : jitSwitch === '1';
  const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries, jit };
  const server = await createServer({ config, indexer, logger: QUIET, graphqlFastLane });
  const address = await server.listen(0, '127.0.0.1');
  return { server, url: `http://127.0.0.1:${address.port}/graphql` };
}

async function main(): Promise<void> {
  const [repoDir, cacheDir, contentDir] = process.argv.slice(2);
  if (!repoDir || !cacheDir || !contentDir || !process.send) throw new Error('usage: fork(serverChild, [REPO_DIR, CACHE_DIR, CONTENT_DIR])');
  const send = (m: ServerChildMessage): void => void process.send?.(m);
  const t0 = process.hrtime.bigint();
  const index = openIndex(repoDir, cacheDir, contentDir);
  await index.indexer.refresh();
  const openMs = msSince(t0);
  const cached = await serve(index.indexer, 1000);
  const uncached = await serve(index.indexer, 0);
  const uncachedExpress = await serve(index.indexer, 0, false);
  let bare: Awaited<ReturnType<typeof startBareServer>> | null = null;
  let profiling: { session: Session; file: string } | null = null;
  const inspect = (session: Session, method: string): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, (err, res) => (err ? reject(err) : resolve(res))));
  process.on('message', (m: ServerChildRequest) => {
    void (async () => {
      if (m.type === 'bare') {
        await bare?.close();
        bare = await startBareServer(Buffer.from(m.body, 'base64'));
        send({ type: 'bare', url: bare.url });
      } else if (m.type === 'rss') {
        send({ type: 'rss', maxRssMB: maxRssMB() });
      } else if (m.type === 'profile') {
        if (profiling?.file === m.file) {
          const { profile } = (await inspect(profiling.session, 'Profiler.stop')) as { profile: unknown };
          fs.writeFileSync(m.file, JSON.stringify(profile));
          profiling.session.disconnect();
          profiling = null;
        } else {
          const session = new Session();
          session.connect();
          await inspect(session, 'Profiler.enable');
          await inspect(session, 'Profiler.start');
          profiling = { session, file: m.file };
        }
        send({ type: 'profile', file: m.file });
      } else {
        await bare?.close();
        await cached.server.close();
        await uncached.server.close();
        await uncachedExpress.server.close();
        await index.close();
        process.exit(0);
      }
    })().catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
  });
  send({ type: 'ready', cached: cached.url, uncached: uncached.url, uncachedExpress: uncachedExpress.url, openMs });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
