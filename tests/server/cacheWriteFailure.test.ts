// A cache write that fails (a full or read-only disk) is an operator's business (issue 13): the
// composed indexer logs it at warn (the default level shows it), counts it, and /readyz shows it,
// while the index serves from memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { BlobCache } from '../../src/index';
import { createServer } from '../../src/server/app';
import { createIndexerFor } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createRefresher } from '../../src/watch';
import { makeRepo, seed } from '../helpers/makeRepo';

it('warns, counts and shows a failed parse-cache write, and keeps serving', async () => {
  const repo = makeRepo([{ message: 'Add the VP', files: { 'content/job-families/sales/vp-of-commercial-sales.md': seed('vp-of-commercial-sales.md') } }]);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cache-write-'));
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const config = loadConfig({ repo: repo.dir, cacheDir, pollSeconds: 0 }, {});
  // A folder where the first pack will go makes creating it fail as a full disk would (root ignores chmod).
  // (With no --content-dir, the parse cache's folder is keyed by an empty content folder.)
  const probe = new BlobCache({ dir: path.join(cacheDir, 'parsed'), contentDir: '' });
  fs.mkdirSync(path.join((await probe.nextPackPath())!, 'blocker'), { recursive: true });
  const indexer = createIndexerFor(config, repo.dir, logger);
  const refresher = createRefresher(indexer, { pollSeconds: 0 });
  const server = await createServer({ config, indexer, refresher, logger });
  try {
    const base = `http://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}`;
    expect(await refresher.trigger('test')).not.toBeNull();

    expect(indexer.status()).toMatchObject({ cacheWriteFailures: 1, cacheLastWriteError: expect.stringContaining('EEXIST') });
    const warned = lines.map((l) => JSON.parse(l) as { level: number; msg: string; index?: { event: string } }).filter((l) => l.level === 40);
    expect(warned).toEqual([expect.objectContaining({ msg: 'parsed-cache-write-failed', index: expect.objectContaining({ event: 'parsed-cache-write-failed' }) })]);
    const ready = (await (await fetch(`${base}/readyz`)).json()) as { phase: string; cache: { writeFailures: number; lastWriteError: string } };
    expect(ready.phase).toBe('ready');
    expect(ready.cache.writeFailures).toBe(1);
    expect(ready.cache.lastWriteError).not.toContain(cacheDir);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^rolegraph_cache_write_failures_total 1$/m);
    expect(indexer.current()!.head.familyBySlug.get('sales/vp-of-commercial-sales')?.roles[0].grade).toBe(12);
  } finally {
    await refresher.stop();
    await server.close();
    await indexer.close();
    repo.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
});
