// A deterministic, seedable handbook history for benchmarks: thousands of job families edited over
// tens of thousands of commits, written with one `git fast-import`. Same options and seed → same
// head sha, so numbers from different runs measure the same repository. Nothing in the walk
// depends on the requested length, so the N-commit history of a seed is the first-parent prefix of
// its N+k-commit history: a refresh benchmark can index N and fetch commit N+1 from the longer one.
//   node dist-bench/bench/generate.js --dest DIR --seed 1 --families 1500 --commits 20000
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startFastImport, type FastImport, type Identity } from './fastImport';
import { benchGitEnv, git } from './gitProcess';
import { departmentPagePath, familyKey, familyPath } from './model';
import { addLadderLink, createFamily, createWorld, deleteFamily, editFamily, type World } from './mutate';
import { AUTHORS } from './names';
import { mulberry32 } from './prng';
import { renderDepartmentPage, renderFamily } from './render';
import { loadTemplates } from './templates';

export interface GenerateOptions {
  dest: string;
  seed: number;
  families?: number;
  departments?: number;
  /** Commits on the first-parent history of main (merge commits count once; side commits extra). */
  commits?: number;
  contentDir?: string;
  /** Folder holding `seeds/` (and `corpus/`); found by walking up when omitted. */
  fixturesDir?: string;
}

export interface GenerateResult {
  dest: string;
  head: string;
  /** First-parent commits of main. */
  commits: number;
  /** Files in the content folder at head (family pages and department `_index.md` pages). */
  files: number;
  /** All commits, side-branch commits included. */
  totalCommits: number;
  merges: number;
  families: number;
}

/** 2018-01-01T00:00:00Z; each commit lands within the hour after the previous one's slot. */
const START_SECONDS = Date.UTC(2018, 0, 1) / 1000;
const MERGE_RATE = 0.02;
const NEW_FAMILY_RATE = 0.005;
const DELETE_FAMILY_RATE = 0.003;
const OUTSIDE_CONTENT_RATE = 0.04;
/** How many families one commit edits: mostly one, sometimes up to five. */
const FILES_PER_COMMIT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5];

type Change = [path: string, content: string | null];

interface Step {
  message: string;
  changes: Change[];
}

interface Outside {
  readme: string[];
  team: string[];
}

function outsideStep(world: World, outside: Outside): Step {
  const { rng } = world;
  if (rng.chance(0.5)) {
    outside.readme.push(`- ${rng.pick(world.templates.paragraphs)}`);
    return { message: 'Update the handbook README', changes: [['README.md', `${outside.readme.join('\n')}\n`]] };
  }
  const author = rng.pick(AUTHORS);
  outside.team.push(`- name: ${author.name}\n  joined: ${2018 + rng.int(0, 6)}`);
  return { message: `Add ${author.name} to the team page`, changes: [['data/team.yml', `${outside.team.join('\n')}\n`]] };
}

function pickDistinct(world: World, count: number): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < count * 3 && keys.size < count; i += 1) keys.add(world.rng.pick(world.live));
  return [...keys];
}

function contentStep(world: World, contentDir: string): Step {
  const { rng } = world;
  if (rng.chance(NEW_FAMILY_RATE) || world.live.length < 2) {
    const family = createFamily(world);
    return { message: `Add the ${family.title} job family`, changes: [[familyPath(contentDir, family), renderFamily(family)]] };
  }
  if (rng.chance(DELETE_FAMILY_RATE) && world.live.length > 10) {
    const key = rng.pick(world.live);
    const family = world.families.get(key)!;
    deleteFamily(world, key);
    return { message: `Remove the ${family.title} job family`, changes: [[familyPath(contentDir, family), null]] };
  }
  const changes: Change[] = [];
  const notes: string[] = [];
  for (const key of pickDistinct(world, rng.pick(FILES_PER_COMMIT))) {
    const family = world.families.get(key)!;
    const before = familyPath(contentDir, family);
    const note = editFamily(world, family);
    const after = familyPath(contentDir, family);
    if (before !== after) changes.push([before, null]);
    changes.push([after, renderFamily(family)]);
    notes.push(`${family.title}: ${note}`);
  }
  const message = notes.length === 1 ? `Update ${notes[0]}` : `Update ${notes.length} job families\n\n${notes.map((n) => `- ${n}`).join('\n')}`;
  return { message, changes };
}

class HistoryWriter {
  private nextMark = 1;
  private tick = 0;
  mainTip: number | null = null;
  totalCommits = 0;

  constructor(private readonly fi: FastImport, private readonly world: World) {}

  /** Writes the blobs of a step; returns path → blob mark (null = delete). */
  async blobs(changes: readonly Change[]): Promise<Array<[string, number | null]>> {
    const out: Array<[string, number | null]> = [];
    for (const [path, content] of changes) {
      if (content === null) {
        out.push([path, null]);
        continue;
      }
      const mark = this.nextMark++;
      await this.fi.blob(mark, content);
      out.push([path, mark]);
    }
    return out;
  }

  async commit(ref: string, message: string, from: number | null, merge: number | null, changes: Array<[string, number | null]>): Promise<number> {
    const mark = this.nextMark++;
    const author: Identity = this.world.rng.pick(AUTHORS);
    const time = START_SECONDS + this.tick * 3600 + this.world.rng.int(0, 3599);
    this.tick += 1;
    this.totalCommits += 1;
    await this.fi.commit({ ref, mark, author, time, message, from, merge, changes });
    return mark;
  }
}

function initialStep(world: World, families: number, contentDir: string): Step {
  const changes: Change[] = [['README.md', '# The GitLab handbook (synthetic)\n']];
  for (const department of world.departments) changes.push([departmentPagePath(contentDir, department), renderDepartmentPage(department)]);
  for (let i = 0; i < families; i += 1) createFamily(world);
  // The first families were created before there was anything to link to; link them now.
  for (const key of world.live) {
    const family = world.families.get(key)!;
    if (family.ladder.length === 0) addLadderLink(world, family);
    changes.push([familyPath(contentDir, family), renderFamily(family)]);
  }
  return { message: `Import ${families} job families`, changes };
}

export async function generateHandbook(opts: GenerateOptions): Promise<GenerateResult> {
  const families = opts.families ?? 1500;
  const commits = opts.commits ?? 20000;
  const contentDir = (opts.contentDir ?? 'content/job-families').replace(/\/+$/, '');
  if (!Number.isInteger(commits) || commits < 1) throw new Error('commits must be a positive integer');
  if (!Number.isInteger(families) || families < 1) throw new Error('families must be a positive integer');
  if (fs.existsSync(opts.dest) && fs.readdirSync(opts.dest).length > 0) throw new Error(`${opts.dest} is not empty`);
  fs.mkdirSync(opts.dest, { recursive: true });
  await git(opts.dest, ['init', '-q', '-b', 'main']);

  const world = createWorld(mulberry32(opts.seed), loadTemplates(opts.fixturesDir), opts.departments ?? 20);
  const outside: Outside = { readme: ['# The GitLab handbook (synthetic)'], team: [] };
  const fi = startFastImport(opts.dest, benchGitEnv());
  const writer = new HistoryWriter(fi, world);
  let merges = 0;
  try {
    const first = initialStep(world, families, contentDir);
    writer.mainTip = await writer.commit('refs/heads/main', first.message, null, null, await writer.blobs(first.changes));
    const nextStep = (): Step => (world.rng.chance(OUTSIDE_CONTENT_RATE) ? outsideStep(world, outside) : contentStep(world, contentDir));
    for (let i = 1; i < commits; i += 1) {
      if (i > 1 && world.rng.chance(MERGE_RATE)) {
        // A merge request: 1-3 commits on a topic branch forked from main, merged with --no-ff, so
        // the first-parent history sees one commit carrying all of the branch's changes.
        const touched = new Map<string, number | null>();
        let tip = writer.mainTip;
        let firstMessage = '';
        for (let j = world.rng.int(1, 3); j > 0; j -= 1) {
          const step = contentStep(world, contentDir);
          const marks = await writer.blobs(step.changes);
          tip = await writer.commit('refs/heads/topic', step.message, tip, null, marks);
          for (const [path, mark] of marks) touched.set(path, mark);
          firstMessage ||= step.message.split('\n')[0] ?? '';
        }
        const message = `Merge branch 'topic-${i}' into 'main'\n\n${firstMessage}`;
        writer.mainTip = await writer.commit('refs/heads/main', message, writer.mainTip, tip, [...touched]);
        merges += 1;
      } else {
        const step = nextStep();
        writer.mainTip = await writer.commit('refs/heads/main', step.message, writer.mainTip, null, await writer.blobs(step.changes));
      }
    }
  } finally {
    await fi.close();
  }
  if (merges > 0) await git(opts.dest, ['update-ref', '-d', 'refs/heads/topic']);
  const head = (await git(opts.dest, ['rev-parse', 'refs/heads/main'])).trim();
  return {
    dest: opts.dest,
    head,
    commits,
    files: world.live.length + world.departments.length,
    totalCommits: writer.totalCommits,
    merges,
    families: world.live.length,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dest: { type: 'string' },
      seed: { type: 'string', default: '1' },
      families: { type: 'string', default: '1500' },
      departments: { type: 'string', default: '20' },
      commits: { type: 'string', default: '20000' },
      'content-dir': { type: 'string', default: 'content/job-families' },
    },
  });
  if (!values.dest) throw new Error('--dest DIR is required');
  const started = process.hrtime.bigint();
  const result = await generateHandbook({
    dest: values.dest,
    seed: Number(values.seed),
    families: Number(values.families),
    departments: Number(values.departments),
    commits: Number(values.commits),
    contentDir: values['content-dir'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ ...result, ms: Math.round(ms) }, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
