// The built `rolegraph` command, spawned as users run it: dist/cli/cli.js.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIXTURES_DIR, makeRepo, seed, type TestRepo } from '../helpers/makeRepo';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'cli.js');
const SEED = path.join(FIXTURES_DIR, 'seeds', 'high-velocity-sales-and-first-orders.md');
const TEAM_LEAD = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let repo: TestRepo;
let cacheDir: string;

beforeAll(() => {
  // dist/ was built for this run by jest's globalSetup (tests/helpers/buildDist.ts), which fails
  // the whole run when the build does.
  expect(fs.existsSync(CLI)).toBe(true);
  const hv = seed('high-velocity-sales-and-first-orders.md');
  repo = makeRepo([
    { message: 'Add High Velocity Sales', tag: 'v1', files: { 'content/job-families/sales/high-velocity-sales-and-first-orders.md': hv.replace('The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 5.') } },
    { message: 'Regrade the Team Lead', files: { 'content/job-families/sales/high-velocity-sales-and-first-orders.md': hv } },
  ]);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cli-test-'));
}, 180_000);

afterAll(() => {
  repo?.cleanup();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('rolegraph parse', () => {
  it('prints the parsed family of a seed, slugged by --as', async () => {
    const { code, stdout } = await cli(['parse', SEED, '--as', 'content/job-families/sales/high-velocity-sales-and-first-orders.md']);
    expect(code).toBe(0);
    const family = JSON.parse(stdout);
    expect(family.slug).toBe('sales/high-velocity-sales-and-first-orders');
    expect(family.department).toBe('sales');
    expect(family.title).toBe('High Velocity Sales and First Orders');
    const lead = family.roles.find((r: { id: string }) => r.id === TEAM_LEAD);
    expect(lead).toMatchObject({ key: TEAM_LEAD, title: 'SMB Advocate Team Lead', grade: 6, gradeText: 'grade 6' });
    for (const role of family.roles) expect(role.key).toBe(role.id);
  });

  it('fails with a one-line message for a missing file', async () => {
    const { code, stderr, stdout } = await cli(['parse', path.join(cacheDir, 'missing.md')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^rolegraph: ENOENT/);
  });
});

describe('rolegraph query', () => {
  it('indexes the repository and prints the answer as JSON', async () => {
    const { code, stdout } = await cli([
      'query', '--repo', repo.dir, '--cache-dir', cacheDir,
      'query ($id: ID!) { now: role(id: $id) { grade } then: role(id: $id, at: "v1") { grade } }',
      '--variables', JSON.stringify({ id: TEAM_LEAD }),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ data: { now: { grade: 6 }, then: { grade: 5 } } });
  });

  it('exits 1 with the coded error when the query has errors', async () => {
    const { code, stdout } = await cli(['query', '--repo', repo.dir, '--cache-dir', cacheDir, '{ roles(at: "no-such-ref") { totalCount } }']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).errors[0].extensions.code).toBe('BAD_REF');
  });

  it('shows syntax and validation mistakes as they are, with their codes, and exits 1', async () => {
    const syntax = await cli(['query', '--repo', repo.dir, '--cache-dir', cacheDir, '{ roles(first: 1) { totalCount }']);
    expect(syntax.code).toBe(1);
    expect(JSON.parse(syntax.stdout).errors).toEqual([
      { message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 1, column: 33 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
    ]);
    const invalid = await cli(['query', '--repo', repo.dir, '--cache-dir', cacheDir, '{ roles(first: 1) { totalCont } }']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout).errors).toEqual([
      {
        message: 'Cannot query field "totalCont" on type "RoleConnection". Did you mean "totalCount"?',
        locations: [{ line: 1, column: 21 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('exits 2 on a configuration mistake, naming it', async () => {
    const { code, stderr } = await cli(['query', '--repo', repo.dir, '--cache-dir', cacheDir, '{ __typename }'], { ROLEGRAPH_POLL_SECONDS: 'often' });
    expect(code).toBe(2);
    expect(stderr).toBe('rolegraph: poll seconds must be a whole number, got "often"\n');
  });
});

describe('a repository with no job families', () => {
  let empty: TestRepo;
  let emptyCache: string;
  beforeAll(() => {
    empty = makeRepo([{ message: 'A handbook without job families', files: { 'README.md': '# Handbook\n', 'handbook/roles/engineer.md': '# Engineer\n' } }]);
    emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cli-empty-'));
  });
  afterAll(() => {
    empty?.cleanup();
    if (emptyCache) fs.rmSync(emptyCache, { recursive: true, force: true });
  });

  it('makes index, lint and query exit 1, naming where they looked', async () => {
    const at = empty.head().slice(0, 12);
    const expected = `rolegraph: no job families at ${at}: looked in every folder named job-families, at any depth: none found; give --content-dir if the pages live elsewhere\n`;
    for (const args of [['index'], ['lint'], ['query', '{ __typename }']]) {
      const { code, stdout, stderr } = await cli([...args, '--repo', empty.dir, '--cache-dir', emptyCache]);
      expect({ args, code, stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(stderr.split('\n').filter((l) => l.startsWith('rolegraph:')).join('\n') + '\n').toBe(expected);
    }
  });

  it('names the configured folder when one is given', async () => {
    const { code, stderr } = await cli(['index', '--repo', empty.dir, '--cache-dir', emptyCache, '--content-dir', 'content/job-families']);
    expect(code).toBe(1);
    expect(stderr).toContain(`rolegraph: no job families at ${empty.head().slice(0, 12)}: looked in content/job-families: no pages there\n`);
  });
});

describe('rolegraph --version', () => {
  it('prints the version without loading the layers below the CLI (they load with the subcommand that needs them)', async () => {
    const { stdout } = await run(process.execPath, [CLI, '--version'], { cwd: ROOT });
    expect(stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const probe = `require(${JSON.stringify(CLI)}); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /dist[\\/](server|index|graphql|git|watch|parse)[\\/]/.test(k))))`;
    const loaded = await run(process.execPath, ['-e', probe], { cwd: ROOT });
    expect(JSON.parse(loaded.stdout)).toEqual([]);
  });
});

describe('rolegraph serve', () => {
  it('listens, answers, and on SIGTERM drains and exits 0', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--repo', repo.dir, '--cache-dir', cacheDir, '--port', '0', '--host', '127.0.0.1', '--poll-seconds', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The "listening" log line (JSON) carries the URL with the port the OS picked.
      const url = await new Promise<string>((resolve, reject) => {
        let buffered = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          for (const line of buffered.split('\n')) {
            if (line.includes('"msg":"listening"')) resolve(String(JSON.parse(line).url));
          }
        });
        child.on('exit', () => reject(new Error(`serve exited early: ${buffered}`)));
      });
      const health = await fetch(url.replace('/graphql', '/healthz'));
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('an unwritable cache folder', () => {
  it('exits 1 before any git work with one line naming the folder and the uid/gid it needs', async () => {
    // Tests run as root here, so a permission bit would not stop them: a file where the folder's
    // parent should be is refused for every user alike.
    const blocker = path.join(cacheDir, 'a-file');
    fs.writeFileSync(blocker, '');
    const unwritable = path.join(blocker, 'cache');
    const { code, stdout, stderr } = await cli(['index', '--repo', repo.dir, '--cache-dir', unwritable]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `rolegraph: cache folder ${unwritable} is not writable (ENOTDIR): it must be a folder that uid ${process.getuid!()} gid ${process.getgid!()} can write (for a Docker bind mount: chown it on the host to that uid:gid, or use a named volume)\n`,
    );
  });
});
