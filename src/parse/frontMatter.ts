// Front matter is read with gray-matter, but only after this file has checked that the block is
// YAML, small, shallow and alias-light: gray-matter 4 `eval`s `---js` blocks by default (and
// `engines: { js: false }` falls through to its `javascript` alias), and a YAML alias bomb or a
// 10k-deep flow collection would otherwise cost unbounded time or memory downstream.
import matter from 'gray-matter';
import { rememberAnswers } from './rememberAnswers';
import type { ParseWarning } from './types';

/** Largest front-matter block we hand to the YAML parser; real ones are under 2 KB. */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Real pages use no aliases at all; a handful is plausible, hundreds is an attack. */
const MAX_ALIASES = 20;
/** Deepest flow/indent nesting we accept; real pages nest 2 levels (`cascade:`). */
const MAX_NESTING = 32;
/** Bound on the values copied out of the parsed YAML (after aliases are expanded). */
const MAX_NODES = 5000;

/** Opening fence: `---` optionally followed by a language word (`---yaml`, `---js`, `--- coffee`). */
const OPENING_FENCE = /^---[ \t]*([A-Za-z]*)[ \t]*$/;
/** Closing fence: a line of exactly `---` (trailing blanks allowed, as editors leave them). */
const CLOSING_FENCE = /^---[ \t]*$/;
/** A YAML alias use: `*name` after a blank, `[`, `{`, `,` or `:` (not `**bold**` inside quotes: close enough for a cap). */
const YAML_ALIAS = /(?:^|[\s[{,:])\*[^\s[\]{},*]/g;
/**
 * A key made only of `#`s: `##: "Commercial Account Executive - Mid-Market"` (seed
 * commercial-account-executive.md) — a role heading pasted into the front matter. Unquoted, YAML
 * reads the line as a comment; quoted (`"##": ...`) it becomes a key. Either way we recover it.
 */
const HEADING_KEY = /^(["']?)(#{1,6})\1[ \t]*:[ \t]*(.*)$/;

const REFUSE = (): never => {
  throw new Error('executable front matter is disabled');
};
/** Every engine gray-matter could pick besides YAML refuses (aliases included: see header comment). */
const SAFE_ENGINES = {
  js: REFUSE,
  javascript: REFUSE,
  coffee: REFUSE,
  coffeescript: REFUSE,
  cson: REFUSE,
  json: REFUSE,
  toml: REFUSE,
};

export interface RecoveredHeading {
  depth: number;
  text: string;
  line: number;
}

export interface FrontMatterResult {
  data: Record<string, unknown>;
  /** The file with the front-matter lines blanked (so markdown line numbers stay file line numbers). */
  body: string;
  /** Headings found as `#`-only keys, placed back into `body` at their own lines. */
  recovered: RecoveredHeading[];
  warnings: ParseWarning[];
}

function warn(code: string, message: string, line: number | null = 1): ParseWarning {
  return { code, message, line, role: null };
}

/** Deepest `[`/`{` nesting or indentation level in the block; a cheap scan before any parsing. */
function nestingDepth(yaml: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  for (const line of yaml.split('\n')) {
    let indent = 0;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '-')) indent++;
    max = Math.max(max, Math.floor(indent / 2));
  }
  return max;
}

/** Copies parsed YAML into plain JSON-safe data, bounded in nodes and depth; Dates become ISO strings. */
function toPlain(value: unknown, budget: { nodes: number }, depth: number): unknown {
  if (--budget.nodes < 0 || depth > MAX_NESTING) return null;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toPlain(v, budget, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      out[k] = toPlain(v, budget, depth + 1);
    }
    return out;
  }
  return null;
}

/** A top-level `key: value` line, the shape of nearly every real front-matter line. */
const SIMPLE_PAIR = /^([A-Za-z_][\w-]{0,60})[ \t]*:[ \t]+(\S.*)$/;

/** What a reader still gets from YAML that does not parse: the plain top-level `key: value` lines. */
function simplePairs(lines: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of lines) {
    const m = SIMPLE_PAIR.exec(line.replace(/\r$/, ''));
    if (!m || m[1] === '__proto__') continue;
    out[m[1] ?? ''] = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** Runs gray-matter on a block already known to be YAML, always with an options object (no cache). */
function parseYamlOnce(yaml: string): Record<string, unknown> {
  const parsed = matter(`---\n${yaml}\n---\n`, { language: 'yaml', engines: SAFE_ENGINES });
  const data: unknown = parsed.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * `parseYamlOnce`, remembered per thread: a cold build reads every version of a page one after
 * another (parseOrder.ts), and a commit rarely touches the front matter, so the same block is parsed
 * again and again (YAML was ~5% of a parse worker's time at 20k; bench/ANALYSIS.md, issue 15 target 1).
 * Safe to share: `toPlain` only reads the parsed value and copies it into the objects it returns. A
 * block that fails to parse throws and is not remembered. Real blocks are under 2 KB; longer ones
 * are parsed each time, so the memory stays a few hundred small entries.
 */
const parseYaml = rememberAnswers(parseYamlOnce, { entries: 256, maxChars: 8192 });

/**
 * Splits front matter from the body. Never throws: anything wrong is a warning, and the body is
 * always returned (with the front-matter lines blanked so line numbers hold).
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const warnings: ParseWarning[] = [];
  const noFrontMatter = { data: {}, body: text, recovered: [], warnings };
  if (!text.startsWith('---')) return noFrontMatter;
  const firstEnd = text.indexOf('\n');
  const opening = OPENING_FENCE.exec((firstEnd === -1 ? text : text.slice(0, firstEnd)).replace(/\r$/, ''));
  if (!opening) return noFrontMatter; // `----` or `--- title` is a thematic break or text, not a fence
  // Only the lines up to the closing fence are cut out: the body after it is kept as one slice
  // (a page is read at every version of a cold build; splitting and joining all of it was ~3% of a parse).
  const blockLines: string[] = [];
  let close = -1;
  let rest = -1; // offset of the line after the closing fence, -1 when the fence is the last line
  for (let at = firstEnd + 1, i = 1; firstEnd !== -1; i++) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl);
    if (CLOSING_FENCE.test(line.replace(/\r$/, ''))) {
      close = i;
      rest = nl === -1 ? -1 : nl + 1;
      break;
    }
    blockLines.push(line);
    if (nl === -1) break;
    at = nl + 1;
  }
  if (close === -1) {
    warnings.push(warn('front-matter-unclosed', 'front matter opened with --- but never closed; read as body'));
    return noFrontMatter;
  }
  // The front matter's lines stay as empty lines (recovered headings refill theirs), so line numbers hold.
  const bodyLines: string[] = new Array<string>(close + 1).fill('');
  const recovered: RecoveredHeading[] = [];
  const yamlLines = blockLines.map((l, i) => {
    const m = HEADING_KEY.exec(l.replace(/\r$/, ''));
    if (!m) return l;
    const value = (m[3] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value !== '') {
      const line = i + 2;
      recovered.push({ depth: (m[2] ?? '').length, text: value, line });
      bodyLines[line - 1] = `${m[2]} ${value}`;
      warnings.push(warn('front-matter-heading', `heading "${value}" was inside the front matter; read as a heading`, line));
    }
    return '';
  });
  const body = rest === -1 ? bodyLines.join('\n') : `${bodyLines.join('\n')}\n${text.slice(rest)}`;
  const language = (opening[1] ?? '').toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    warnings.push(warn('front-matter-language', `front matter in "${language}" is never executed; ignored`));
    return { data: {}, body, recovered, warnings };
  }
  const yaml = yamlLines.join('\n');
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    warnings.push(warn('front-matter-too-large', `front matter of ${yaml.length} characters ignored`));
    return { data: {}, body, recovered, warnings };
  }
  const aliases = (yaml.match(YAML_ALIAS) ?? []).length;
  if (aliases > MAX_ALIASES) {
    warnings.push(warn('front-matter-aliases', `front matter uses ${aliases} YAML aliases; ignored`));
    return { data: {}, body, recovered, warnings };
  }
  if (nestingDepth(yaml) > MAX_NESTING) {
    warnings.push(warn('front-matter-too-deep', 'front matter nests too deeply; ignored'));
    return { data: {}, body, recovered, warnings };
  }
  let data: Record<string, unknown> = {};
  try {
    const budget = { nodes: MAX_NODES };
    data = toPlain(parseYaml(yaml), budget, 0) as Record<string, unknown>;
    if (budget.nodes < 0) warnings.push(warn('front-matter-too-large', 'front matter truncated: too many values'));
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
    warnings.push(warn('front-matter-yaml', `front matter is not valid YAML: ${message}; simple keys kept`));
    data = simplePairs(yamlLines);
  }
  return { data, body, recovered, warnings };
}
