// The scripted history of the embedded sample handbook (sample/history.json), checked before any
// git runs: a typo in the script should fail with the commit and the field, not halfway through
// a build.

export type SampleChange = { put: string; from: string } | { mv: string; to: string } | { rm: string };

export interface SampleCommit {
  /** ISO-8601 with offset; used as author and committer date so the shas never change. */
  date: string;
  author: { name: string; email: string };
  message: string;
  tag?: string;
  changes: SampleChange[];
}

export interface SampleHistory {
  branch: string;
  commits: SampleCommit[];
}

/** `2021-03-01T09:00:00+00:00`: the only date shape the script uses, so git reads it one way. */
const ISO_DATE_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
/** A repository or sample path: relative, forward slashes, no `..`, no leading dash. */
const SAFE_RELATIVE_PATH = /^(?!-)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._\-/]+$/;
/** Branch and tag names the script may use: plain words. */
const SIMPLE_REF = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function fail(where: string, what: string): never {
  throw new Error(`sample/history.json: ${where}: ${what}`);
}

function str(value: unknown, where: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value === '') fail(where, 'expected a non-empty string');
  if (pattern && !pattern.test(value)) fail(where, `unexpected value ${JSON.stringify(value)}`);
  return value;
}

function change(raw: unknown, where: string): SampleChange {
  const c = (raw ?? {}) as Record<string, unknown>;
  if ('put' in c) return { put: str(c.put, `${where}.put`, SAFE_RELATIVE_PATH), from: str(c.from, `${where}.from`, SAFE_RELATIVE_PATH) };
  if ('mv' in c) return { mv: str(c.mv, `${where}.mv`, SAFE_RELATIVE_PATH), to: str(c.to, `${where}.to`, SAFE_RELATIVE_PATH) };
  if ('rm' in c) return { rm: str(c.rm, `${where}.rm`, SAFE_RELATIVE_PATH) };
  return fail(where, 'expected one of put/from, mv/to, rm');
}

export function parseSampleHistory(text: string): SampleHistory {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const branch = str(raw.branch, 'branch', SIMPLE_REF);
  if (!Array.isArray(raw.commits) || raw.commits.length === 0) fail('commits', 'expected a non-empty list');
  const commits = raw.commits.map((c: Record<string, unknown>, i: number): SampleCommit => {
    const where = `commits[${i}]`;
    const author = (c.author ?? {}) as Record<string, unknown>;
    if (!Array.isArray(c.changes)) fail(`${where}.changes`, 'expected a list');
    return {
      date: str(c.date, `${where}.date`, ISO_DATE_WITH_OFFSET),
      author: { name: str(author.name, `${where}.author.name`), email: str(author.email, `${where}.author.email`) },
      message: str(c.message, `${where}.message`),
      ...(c.tag === undefined ? {} : { tag: str(c.tag, `${where}.tag`, SIMPLE_REF) }),
      changes: c.changes.map((ch: unknown, j: number) => change(ch, `${where}.changes[${j}]`)),
    };
  });
  return { branch, commits };
}

/** Sample files a history reads, in order of first use (the build's inputs besides the script). */
export function sourceFiles(history: SampleHistory): string[] {
  const seen = new Set<string>();
  for (const commit of history.commits) {
    for (const c of commit.changes) if ('put' in c) seen.add(c.from);
  }
  return [...seen];
}
