// Chaos (issue 13, "never down while a good index exists"): the built `rolegraph serve`, polling a
// bare remote every second, answers a steady query load while a fixed-seed script, for ~20 s, kills
// it (SIGKILL) and restarts it, pushes commits, force-pushes one away, takes the remote away and
// brings it back, truncates a cache pack while it is down, and fills the cache's disk (a small tmpfs,
// when run as root as CI is) for a while and frees it. Every answer must be right for a
// head that existed, or coded INDEX_NOT_READY (or TIMEOUT, on a starved machine), or a refused
// connection to a process the script had killed; afterwards it must reach the remote's head, and a
// restart with the remote gone must serve that head from the cache alone. Everything runs on 127.0.0.1 with bounded loops.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeRepo, type TestRepo } from '../helpers/makeRepo';
import { startServe, type ServedCli } from '../helpers/servedCli';
import { SALES, VP_ROLE, seedCommit, tempDir, vpPageWithGrade } from './harness';

const VP_PATH = `${SALES}/vp-of-commercial-sales.md`;
const QUERY = `{ repository { head { sha } } role(id: "${VP_ROLE}") { grade } }`;
/** The script's length and the load's bounds. */
const CHAOS_MS = 20_000;
const CLIENTS = 3;
const MAX_REQUESTS_PER_CLIENT = 3000;
/** Between one client's requests: a steady load, not a flood on a shared 2-core machine. */
const THINK_MS = 20;
const REQUEST_TIMEOUT_MS = 15_000;
const CONVERGE_MS = 30_000;
/** Fixed, so a failure replays the same sequence. */
const SEED = 13;
/** The cache folder's own small disk, so the script can fill it; mounting needs root (CI runs as root). */
const CAN_MOUNT = process.getuid?.() === 0;
const DISK = '16m';
let mounted = false;

let repo: TestRepo;
let remoteDir: string;
let awayDir: string;
let cacheDir: string;
/** Every head the remote ever had → the VP grade committed there. */
const gradeAt = new Map<string, number>();
let commits = 0;
/** The running server, or null while the script has it down. */
let served: ServedCli | null = null;
/** Generations: every start gets one; the script records those it killed. */
let generation = 0;
const killed = new Set<number>();
const unexpectedExits: string[] = [];

/** mulberry32: a tiny seeded PRNG, so the schedule is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function remoteHead(): string {
  return repo.git('--git-dir', remoteDir, 'rev-parse', 'refs/heads/main');
}

/** Commits a new VP grade in the working repository and pushes it (forced: after a drop too). */
function pushGrade(): void {
  commits += 1;
  const grade = 5 + (commits % 10);
  const sha = repo.commit({ message: `Regrade the VP (${commits})`, files: { [VP_PATH]: vpPageWithGrade(grade) } });
  gradeAt.set(sha, grade);
  repo.git('push', '-q', '--force', remoteDir, 'HEAD:refs/heads/main');
}

async function start(): Promise<void> {
  const mine = ++generation;
  const next = await startServe(['--repo', remoteDir, '--cache-dir', cacheDir, '--poll-seconds', '1']);
  void next.exited.then((how) => {
    if (!killed.has(mine)) unexpectedExits.push(`generation ${mine} exited (${how}): ${next.logTail()}`);
  });
  served = next;
}

async function kill(): Promise<void> {
  const gone = served;
  if (!gone) return;
  served = null;
  killed.add(generation);
  gone.child.kill('SIGKILL');
  await gone.exited;
}

/** Truncates the largest cache pack to half, as a torn write would leave it. */
function tearPack(): string | null {
  const parsed = path.join(cacheDir, 'parsed');
  if (!fs.existsSync(parsed)) return null;
  const packs = (fs.readdirSync(parsed, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.rg'))
    .map((f) => path.join(parsed, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  if (packs.length === 0) return null;
  fs.truncateSync(packs[0], Math.floor(fs.statSync(packs[0]).size / 2));
  return packs[0];
}

/** Fills the cache's disk to the last byte with a filler file; answers its path (null without a disk of its own). */
function fillDisk(): string | null {
  if (!mounted) return null;
  const filler = path.join(cacheDir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  // Smaller writes until not one more byte fits.
  try {
    for (;;) fs.appendFileSync(filler, Buffer.alloc(512));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  return filler;
}

/** Coded errors an answer may carry: no index yet, or the operation deadline on a starved machine. */
const ACCEPTED_CODES: ReadonlySet<string | undefined> = new Set(['INDEX_NOT_READY', 'TIMEOUT']);

interface Tally {
  right: number;
  coded: number;
  down: number;
  /** The heads the right answers named. */
  heads: Set<string>;
  problems: string[];
}

/** One load client: the fixed query against whichever server is up, until `stop` or its bound. */
async function client(stop: { done: boolean }, tally: Tally): Promise<void> {
  for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && !stop.done; i += 1) {
    const target = served;
    if (target) await ask(target, generation, tally);
    await sleep(target ? THINK_MS : 50);
  }
}

/** One request, sorted into the tally: right for a head that existed, coded, refused while down, or a problem. */
async function ask(target: ServedCli, gen: number, tally: Tally): Promise<void> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${target.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    // Refused, reset or cut short: only acceptable from a process the script killed.
    if (killed.has(gen)) tally.down += 1;
    else tally.problems.push(`generation ${gen}, alive: ${String((err as Error).cause ?? err)}`);
    return;
  }
  if (/\n\s+at |stacktrace/i.test(text)) tally.problems.push(`stack trace (${status}): ${text.slice(0, 300)}`);
  let body: { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text);
  } catch {
    tally.problems.push(`not JSON (${status}): ${text.slice(0, 300)}`);
    return;
  }
  if (body.errors?.length) {
    const codes = body.errors.map((e) => e.extensions?.code);
    if (status === 200 && codes.every((c) => ACCEPTED_CODES.has(c))) tally.coded += 1;
    else tally.problems.push(`errors (${status}): ${text.slice(0, 300)}`);
    return;
  }
  const sha = body.data?.repository?.head?.sha;
  const expected = gradeAt.get(sha);
  if (status === 200 && expected !== undefined && body.data?.role?.grade === expected) {
    tally.right += 1;
    tally.heads.add(sha);
  }
  else tally.problems.push(`wrong answer (${status}): ${text.slice(0, 300)}`);
}

async function readyz(): Promise<Record<string, unknown> | null> {
  if (!served) return null;
  try {
    return (await (await fetch(`${served.base}/readyz`, { signal: AbortSignal.timeout(5000) })).json()) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Polls /readyz until `ok` holds, for at most `ms`; returns the last body. */
async function until(ok: (body: Record<string, unknown>) => boolean, ms: number): Promise<Record<string, unknown> | null> {
  const deadline = Date.now() + ms;
  let last: Record<string, unknown> | null = null;
  while (Date.now() < deadline) {
    last = await readyz();
    if (last && ok(last)) return last;
    await sleep(200);
  }
  return last;
}

async function answer(): Promise<unknown> {
  const res = await fetch(`${served!.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(() => {
  repo = makeRepo([seedCommit()]);
  gradeAt.set(repo.head(), 12);
  const root = tempDir('chaos');
  remoteDir = path.join(root, 'remote.git');
  awayDir = path.join(root, 'remote-away.git');
  cacheDir = path.join(root, 'cache');
  fs.mkdirSync(cacheDir);
  if (CAN_MOUNT) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK}`, 'tmpfs', cacheDir]);
    mounted = true;
  } else {
    console.warn('chaos.test: not root, cannot mount a small tmpfs for the cache; the disk-full step does nothing');
  }
  repo.git('clone', '-q', '--bare', repo.dir, remoteDir);
  pushGrade();
});

afterAll(async () => {
  await kill();
  if (mounted) execFileSync('umount', [cacheDir]);
  repo?.cleanup();
  if (remoteDir) fs.rmSync(path.dirname(remoteDir), { recursive: true, force: true });
});

it('answers right or coded through kills, pushes, a force-push, a vanished remote and a torn pack; then converges and serves the cache alone', async () => {
  await start();
  const first = await until((b) => b.head === remoteHead(), CONVERGE_MS);
  expect(first).toMatchObject({ status: 'ready', head: remoteHead() });

  const random = prng(SEED);
  const actions = ['push', 'push', 'push', 'forcePush', 'forcePush', 'kill', 'kill', 'killTearPack', 'remoteAway', 'remoteAway', 'fillDisk'];
  for (let i = actions.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [actions[i], actions[j]] = [actions[j], actions[i]];
  }
  const pause = (): Promise<void> => sleep(Math.floor(CHAOS_MS / actions.length / 2 + random() * (CHAOS_MS / actions.length)));

  const stop = { done: false };
  const tally: Tally = { right: 0, coded: 0, down: 0, heads: new Set(), problems: [] };
  const load = Promise.all(Array.from({ length: CLIENTS }, () => client(stop, tally)));
  const done: string[] = [];
  let tornPack: string | null = null;
  let filledDisk = false;
  try {
    for (const action of actions) {
      await pause();
      if (action === 'push') pushGrade();
      if (action === 'forcePush') {
        // Drop the last commit from the branch: the next push rewrites it.
        repo.git('reset', '-q', '--hard', 'HEAD~1');
        pushGrade();
      }
      if (action === 'kill' || action === 'killTearPack') {
        await kill();
        if (action === 'killTearPack') tornPack = tearPack();
        await sleep(Math.floor(200 + random() * 800));
        await start();
      }
      if (action === 'remoteAway') {
        fs.renameSync(remoteDir, awayDir);
        await sleep(Math.floor(1500 + random() * 1000));
        fs.renameSync(awayDir, remoteDir);
      }
      if (action === 'fillDisk') {
        const filler = fillDisk();
        filledDisk = filler !== null;
        // A push while the disk is full: the fetch and the cache writes fail, the served index stays.
        pushGrade();
        await sleep(Math.floor(1500 + random() * 1000));
        if (filler) fs.rmSync(filler);
      }
      done.push(action);
    }
  } finally {
    stop.done = true;
    await load;
  }

  expect(done).toEqual(actions);
  expect(tornPack).not.toBeNull();
  expect(filledDisk).toBe(mounted);
  expect(unexpectedExits).toEqual([]);
  // The first few, with how many: one fault tends to repeat for every request after it.
  expect({ count: tally.problems.length, first: tally.problems.slice(0, 10) }).toEqual({ count: 0, first: [] });
  // The load ran throughout and saw the head move under it.
  expect(tally.right).toBeGreaterThan(50);
  expect(tally.heads.size).toBeGreaterThan(1);

  // Converges: the remote's head, no error left, and the right grade for it.
  const head = remoteHead();
  const converged = await until((b) => b.head === head && b.phase === 'ready', CONVERGE_MS);
  expect(converged).toMatchObject({ status: 'ready', phase: 'ready', head, lastError: null });
  expect(await answer()).toEqual({ data: { repository: { head: { sha: head } }, role: { grade: gradeAt.get(head) } } });

  // Nothing the cache held whole is lost: with the remote gone, a restart serves that head stale.
  await kill();
  fs.renameSync(remoteDir, awayDir);
  await start();
  const stale = await until((b) => b.phase === 'stale', CONVERGE_MS);
  expect(stale).toMatchObject({ status: 'ready', phase: 'stale', head, lastError: expect.stringMatching(/^git fetch failed: /) });
  expect(await answer()).toEqual({ data: { repository: { head: { sha: head } }, role: { grade: gradeAt.get(head) } } });
}, 150_000);
