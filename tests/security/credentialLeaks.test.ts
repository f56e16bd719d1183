// A token in the remote URL's query string (`?private_token=…`, as forges accept) must not reach
// /readyz, GraphQL's repository fields or the log, however the failed fetch reports it.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/server/config';
import { startServer, type RunningService } from '../../src/server/main';

const SECRET = 'SECRETtoken1234567890';

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('credentials in the remote URL', () => {
  let service: RunningService;
  let cacheDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-leak-'));
    const repo = `http://user:pw${SECRET}@127.0.0.1:${await closedPort()}/handbook.git?private_token=${SECRET}&ref=main`;
    const config = loadConfig({ repo, cacheDir, port: 0, host: '127.0.0.1', pollSeconds: 0 }, {});
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    service = await startServer(config, { logger: pino({ level: 'debug' }, sink) });
    // The first fetch fails (connection refused); wait until the failure is reported.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && service.indexer.status().lastError === null) await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    await service?.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('shows the failure without the token in /readyz, GraphQL and the log', async () => {
    const ready = await fetch(`${service.url}/readyz`);
    const readyText = await ready.text();
    expect(JSON.parse(readyText).lastError).toEqual(expect.any(String));

    const answer = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ repository { url lastError } }' }),
    });
    const graphqlText = await answer.text();
    const repository = JSON.parse(graphqlText).data.repository as { url: string; lastError: string | null };
    expect(repository.url).toMatch(/^http:\/\/\*\*\*@127\.0\.0\.1:\d+\/handbook\.git\?private_token=\*\*\*&ref=\*\*\*$/);

    const log = logLines.join('');
    expect(log).toContain('refresh failed');
    for (const text of [readyText, graphqlText, log]) expect(text).not.toContain(SECRET);
  });
});
