// Tracing as `rolegraph serve` runs it: the built command, with OTEL_EXPORTER_OTLP_ENDPOINT pointing
// at an in-process collector of OTLP/HTTP JSON on loopback. A GraphQL request must reach the
// collector as a span with the operation's name and our request id; a collector that refuses spans
// costs one warning, and one line when it takes them again. (The command runs in its own Node: the
// exporter loads node:http with import(), which jest's CommonJS runtime refuses. The span shapes
// are tested in process, in requestTracing.test.ts.) Without an endpoint, nothing of it loads.
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'cli.js');
const HV_PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';

interface OtlpValue {
  stringValue?: string;
}
interface OtlpSpan {
  name: string;
  attributes: Array<{ key: string; value: OtlpValue }>;
}
interface OtlpExport {
  resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: OtlpValue }> }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
}

interface Collector {
  url: string;
  exports: OtlpExport[];
  contentTypes: string[];
  /** What the collector answers: 200 keeps the export, anything else refuses it. */
  answer: { status: number };
  close(): Promise<void>;
}

function startCollector(): Promise<Collector> {
  const exports: OtlpExport[] = [];
  const contentTypes: string[] = [];
  const answer = { status: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces' && answer.status === 200) {
        contentTypes.push(req.headers['content-type'] ?? '');
        exports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, exports, contentTypes, answer, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

const spansOf = (exports: OtlpExport[]): OtlpSpan[] => exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
const attr = (span: OtlpSpan, key: string): string | undefined => span.attributes.find((a) => a.key === key)?.value.stringValue;

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let repo: TestRepo;
let cacheDir: string;
let collector: Collector;

beforeAll(async () => {
  expect(fs.existsSync(CLI)).toBe(true); // built by jest's globalSetup
  repo = makeRepo([{ message: 'Add High Velocity Sales', files: { [HV_PATH]: seed('high-velocity-sales-and-first-orders.md') } }]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-tracing-test-'));
  collector = await startCollector();
});

afterAll(async () => {
  await collector?.close();
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('rolegraph serve with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('sends a span with the operation name and the request id to the collector', async () => {
    const env = {
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'rolegraph-under-test',
      // Batches leave every 100 ms rather than every 5 s, so the test need not wait.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
      process.execPath,
      [CLI, 'serve', '--repo', repo.dir, '--cache-dir', cacheDir, '--port', '0', '--host', '127.0.0.1', '--poll-seconds', '0'],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines: Array<Record<string, unknown>> = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    const logged = (msg: string) => lines.find((l) => l.msg === msg);
    try {
      const url = String((await until('listening', () => logged('listening')))!.url);
      expect(logged('tracing on')).toMatchObject({ tracing: { url: `${collector.url}/v1/traces` } });
      await until('the first index', () => logged('index ready'));
      const query = (id: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': id },
          body: JSON.stringify({ query: 'query TeamLead($id: ID!) { role(id: $id) { title } }', variables: { id: TEAM_LEAD } }),
        });

      const res = await query('otlp-req-0001');
      expect(res.status).toBe(200);
      const operation = await until('the operation span', () => spansOf(collector.exports).find((s) => attr(s, 'rolegraph.request_id') === 'otlp-req-0001' && s.name === 'query TeamLead'));
      expect(attr(operation, 'graphql.operation.name')).toBe('TeamLead');
      expect(collector.contentTypes[0]).toBe('application/json');
      expect(collector.exports[0]!.resourceSpans[0]!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'rolegraph-under-test' } });

      // A collector that refuses spans: one warning, however many batches fail, then one line on recovery.
      collector.answer.status = 400;
      await query('otlp-refused-1');
      await until('the failure warning', () => logged('trace export failing; spans are dropped until the collector answers'));
      await query('otlp-refused-2');
      await new Promise((resolve) => setTimeout(resolve, 400));
      collector.answer.status = 200;
      await query('otlp-req-0003');
      await until('the recovery line', () => logged('trace export recovered'));
      expect(lines.filter((l) => l.msg === 'trace export failing; spans are dropped until the collector answers')).toHaveLength(1);
      expect(lines.find((l) => l.msg === 'trace export failing; spans are dropped until the collector answers')).toMatchObject({ level: 40 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('tracing off', () => {
  it('loads no OpenTelemetry SDK or tracing module of ours (nor graphql-jit) with the server', () => {
    const dist = path.join(ROOT, 'dist', 'server');
    const script = `require(${JSON.stringify(path.join(dist, 'index.js'))}); require(${JSON.stringify(path.join(dist, 'app.js'))});
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const loaded = JSON.parse(run.stdout) as string[];
    expect(loaded.some((f) => f.endsWith(path.join('dist', 'server', 'main.js')))).toBe(true);
    // prom-client requires @opentelemetry/api for exemplars; the SDK, the exporter and our spans never load.
    const tracingModules = loaded.filter((f) => /@opentelemetry[\\/](?!api[\\/])|[\\/]dist[\\/]server[\\/](?:tracing|requestTracing)\.js$/.test(f));
    expect(tracingModules).toEqual([]);
    // graphql-jit too is loaded only when a server starts with jit on, not with the modules.
    expect(loaded.filter((f) => /[\\/]graphql-jit[\\/]|[\\/]dist[\\/]server[\\/]jitPlugin\.js$/.test(f))).toEqual([]);
  });
});
