// Sentence pools for synthetic job families, lifted from the real GitLab pages in tests/fixtures so the
// generated handbook reads like the real one (links, odd punctuation, mojibake and all). This is a
// benchmark fixture, not the parser: a line scan that sorts bullets by the heading above them is
// enough here, and every pool is sorted and de-duplicated so the same files give the same pools.
import fs from 'node:fs';
import path from 'node:path';

export interface Templates {
  responsibilities: string[];
  requirements: string[];
  /** Paragraphs of prose (intros, role descriptions). */
  paragraphs: string[];
  /** Top-level hiring-process steps. */
  hiringSteps: string[];
}

/** An ATX heading line: `## Responsibilities`, `### SMB Advocate Team Lead Requirements`. */
const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
/** A top-level bullet (`- text` / `* text`, no indentation); nested bullets are skipped. */
const TOP_BULLET = /^[-*]\s+(\S.*)$/;
/** Prose worth reusing: starts like a sentence, long enough to be one. */
const PROSE = /^[A-Z][^|{<>]{60,}$/;

type Bucket = 'responsibilities' | 'requirements' | 'hiring' | null;

function bucketOf(heading: string): Bucket {
  const h = heading.toLowerCase();
  if (h.includes('responsibilit')) return 'responsibilities';
  if (h.includes('requirement')) return 'requirements';
  if (h.includes('hiring')) return 'hiring';
  return null;
}

/** Strips front matter so its keys are not mistaken for prose. */
function body(text: string): string {
  if (!text.startsWith('---')) return text;
  const end = text.indexOf('\n---', 3);
  return end < 0 ? text : text.slice(end + 4);
}

export function extractTemplates(texts: readonly string[]): Templates {
  const pools = {
    responsibilities: new Set<string>(),
    requirements: new Set<string>(),
    paragraphs: new Set<string>(),
    hiringSteps: new Set<string>(),
  };
  for (const text of texts) {
    let bucket: Bucket = null;
    for (const raw of body(text).split(/\r?\n/)) {
      const line = raw.trimEnd();
      const heading = HEADING.exec(line);
      if (heading) {
        bucket = bucketOf(heading[2] ?? '');
        continue;
      }
      const bullet = TOP_BULLET.exec(line);
      if (bullet) {
        const item = (bullet[1] ?? '').trim();
        if (item.length < 12 || item.includes('{{')) continue;
        if (bucket === 'responsibilities') pools.responsibilities.add(item);
        else if (bucket === 'requirements') pools.requirements.add(item);
        else if (bucket === 'hiring') pools.hiringSteps.add(item);
        continue;
      }
      if (PROSE.test(line) && bucket !== 'hiring') pools.paragraphs.add(line.trim());
    }
  }
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return {
    responsibilities: sorted(pools.responsibilities),
    requirements: sorted(pools.requirements),
    paragraphs: sorted(pools.paragraphs),
    hiringSteps: sorted(pools.hiringSteps),
  };
}

function markdownFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFilesUnder(full));
    else if (/\.md(\.erb)?$/.test(entry.name) && entry.name !== 'README.md') out.push(full);
  }
  return out;
}

/**
 * Finds `tests/fixtures/` (seeds and corpus) by walking up from this file, so the same code works from
 * `bench/` under ts-jest and from `dist-bench/bench/` under node (then from the working directory).
 * ROLEGRAPH_FIXTURES_DIR overrides.
 */
export function findFixturesDir(starts: readonly string[] = [__dirname, process.cwd()]): string {
  const fromEnv = process.env.ROLEGRAPH_FIXTURES_DIR;
  if (fromEnv) return fromEnv;
  for (const start of starts) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const fixtures = path.join(dir, 'tests', 'fixtures');
      if (fs.existsSync(path.join(fixtures, 'seeds'))) return fixtures;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`no tests/fixtures/seeds folder above ${starts.join(' or ')}; set ROLEGRAPH_FIXTURES_DIR`);
}

/** Seeds first, then the wider corpus when present; file order is fixed so pools are stable. */
export function loadTemplates(fixturesDir: string = findFixturesDir()): Templates {
  const roots = [path.join(fixturesDir, 'seeds'), path.join(fixturesDir, 'corpus', 'gitlab-job-families', 'versions')];
  const files = roots.filter((r) => fs.existsSync(r)).flatMap((r) => markdownFilesUnder(r).sort());
  const templates = extractTemplates(files.map((f) => fs.readFileSync(f, 'utf8')));
  if (templates.responsibilities.length < 5 || templates.requirements.length < 5) {
    throw new Error(`too few template bullets under ${fixturesDir}`);
  }
  return templates;
}
