// The parser's entry point: (repository path, file text) → JobFamily. Pure, never throws, bounded.
import { pushAll } from './pushAll';
import type { JobFamily, LadderLink, ParseWarning, Role } from './types';
import { decodeInput } from './decode';
import { readFrontMatter } from './frontMatter';
import { extractTemplateTags, repairMojibake, type Include } from './normalizeText';
import type { Block } from './sections';
import { readSectionsMemo } from './sectionMemo';
import { repairLists } from './repairLists';
import { emptyParts, findRoles, type FamilyDraft } from './roles';
import { buildRole } from './buildRole';
import { flagGradeSubjects } from './gradeSubjects';
import { selectRoles } from './selectRoles';
import { readLadder } from './ladder';
import { listItems, paragraphs, performanceTexts, sectionItems } from './lists';
import { folderSlugOf, isSectionIndex, pageSlug, slugify } from './slug';
import { findGrade } from './grades';
import { JOB_FAMILY_SUFFIX } from './titleKey';

export interface ParseOptions {
  /** Repository folder that holds the job families (`content/job-families/`); auto-detected when absent. */
  contentDir?: string;
}

/** Shortcodes/partials that stand for the shared sales performance indicators. */
const PERFORMANCE_INCLUDE = /(?:^|\/)performance(?:\.[a-z]+)?$/;

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function humanize(slug: string): string {
  const leaf = slug.split('/').pop() ?? '';
  return leaf.split('-').filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

function familyPerformance(draft: FamilyDraft, includes: Include[]): string[] {
  const out: string[] = [];
  pushAll(out, performanceTexts(draft.parts.performance));
  // The include's name stands in for the shared indicators it renders, so a reader sees where they come from.
  for (const inc of includes) if (PERFORMANCE_INCLUDE.test(inc.name)) out.push(inc.name);
  return out;
}

function hiringSteps(draft: FamilyDraft): string[] {
  const items = listItems(draft.hiring).map((i) => i.text);
  return [...draft.hiringSteps, ...items];
}

/** Whether the page says anything at all (an empty or garbage page gets no invented role). */
function hasAnyContent(draft: FamilyDraft, data: Record<string, unknown>): boolean {
  const p = draft.parts;
  return str(data['RoleName']) !== null || str(data['title']) !== null || draft.h1 !== null || draft.intro.length + p.grade.length + p.responsibilities.length + p.requirements.length + p.performance.length > 0;
}

function hasFamilyContent(draft: FamilyDraft): boolean {
  const p = draft.parts;
  return draft.ladder.length + draft.hiring.length + p.performance.length + p.requirements.length + p.responsibilities.length + p.grade.length > 0;
}

/** Same-family anchors written against the department page (`/job-families/marketing/#manager-field-marketing`). */
function fixSameFamilyAnchors(links: LadderLink[], slug: string, department: string, roles: Role[]): LadderLink[] {
  const roleSlugs = new Set(roles.map((r) => r.id.slice(r.id.indexOf('#') + 1)));
  return links.map((l) =>
    l.target === department && l.anchor !== null && roleSlugs.has(l.anchor) ? { ...l, target: slug } : l,
  );
}

function parseUnsafe(path: string, input: string | Buffer, opts: ParseOptions, warnings: ParseWarning[]): JobFamily {
  const slug = pageSlug(path, opts.contentDir);
  const department = slug.split('/')[0] ?? '';
  const decoded = decodeInput(input);
  warnings.push(...decoded.warnings);
  const fm = readFrontMatter(repairMojibake(decoded.text));
  warnings.push(...fm.warnings);
  const { text: markdown, includes } = extractTemplateTags(fm.body);
  const sections = readSectionsMemo(repairLists(markdown), 1);
  const draft = findRoles(sections);
  const data = fm.data;

  const pageTitle = str(data['title']) ?? draft.h1 ?? str(data['RoleName']) ?? humanize(slug);
  const selected = selectRoles(draft, sections);
  const sources = selected.sources;
  let familyParts = selected.familyParts;
  for (const d of selected.demoted) {
    warnings.push({ code: 'not-a-role', message: `"${d.title}" is named like a level but states no grade among graded levels; read as a specialty`, line: d.line, role: null });
  }
  const sectionIndex = isSectionIndex(path);
  if (sources.length === 0 && !sectionIndex && hasAnyContent(draft, data)) {
    // A page without role headings is one role: the parts written at page level are its parts.
    const title =
      str(data['RoleName']) ??
      str(data['title'])?.replace(JOB_FAMILY_SUFFIX, '') ??
      draft.h1 ??
      subjectOf([...familyParts.grade, ...draft.intro]) ??
      humanize(slug);
    sources.push({ title, line: 1, intro: draft.intro, parts: familyParts, tableGrade: null });
    familyParts = emptyParts();
  }

  const roles: Role[] = [];
  const seen = new Map<string, number>();
  sources.forEach((src, order) => {
    const base = `${slug}#${slugify(src.title)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    if (n > 1) warnings.push({ code: 'duplicate-role', message: `two roles titled "${src.title}"; the later one is ${id}`, line: src.line, role: src.title });
    roles.push(buildRole(src, slug, order, id, warnings));
  });
  flagGradeSubjects(sources, roles, warnings);

  const familyDraft: FamilyDraft = { ...draft, parts: familyParts };
  const kind = sectionIndex && roles.length === 0 && !hasFamilyContent(familyDraft) && includes.length === 0 ? 'department' : 'family';
  const description = str(data['description']) ?? str(data['Description']) ?? paragraphs(draft.intro).find((p) => findGrade(p) === null) ?? null;
  return {
    slug,
    department,
    title: pageTitle,
    description,
    path,
    kind,
    folderSlug: folderSlugOf(path, opts.contentDir),
    roles,
    careerLadder: fixSameFamilyAnchors(readLadder(draft.ladder, slug), slug, department, roles),
    hiringProcess: hiringSteps(draft),
    performanceIndicators: familyPerformance(familyDraft, includes),
    requirements: sectionItems(familyParts.requirements).items.map((i) => i.text),
    frontMatter: data,
    warnings,
  };
}

/** The role a grade sentence names (`The Chief Revenue Officer is a grade 14`), as a last-resort title. */
function subjectOf(blocks: Block[]): string | null {
  for (const p of paragraphs(blocks)) {
    const g = findGrade(p, true);
    if (g?.subject) return g.subject;
  }
  return null;
}

/**
 * Parses one job-family page. Never throws: anything unexpected becomes a `parse-failed` warning on a
 * family that still carries the path, slug and a title.
 */
export function parseFamily(path: string, text: string | Buffer, opts: ParseOptions = {}): JobFamily {
  const warnings: ParseWarning[] = [];
  const safePath = typeof path === 'string' ? path : String(path);
  try {
    return parseUnsafe(safePath, text, opts ?? {}, warnings);
  } catch (err) {
    return unreadableFamily(safePath, `page could not be read: ${err instanceof Error ? err.message : String(err)}`, opts, warnings);
  }
}

/**
 * The family of a page that could not be read: its path, slug and a title, no roles, and a
 * `parse-failed` warning saying why (also used when a parse worker died on the page).
 */
export function unreadableFamily(path: string, message: string, opts: ParseOptions = {}, warnings: ParseWarning[] = []): JobFamily {
  const slug = safeSlug(path, opts?.contentDir);
  warnings.push({ code: 'parse-failed', message, line: null, role: null });
  return {
    slug,
    department: slug.split('/')[0] ?? '',
    title: humanize(slug) || slug,
    description: null,
    path,
    kind: 'family',
    folderSlug: null,
    roles: [],
    careerLadder: [],
    hiringProcess: [],
    performanceIndicators: [],
    requirements: [],
    frontMatter: {},
    warnings,
  };
}

function safeSlug(path: string, contentDir?: string): string {
  try {
    return pageSlug(path, contentDir);
  } catch {
    return path;
  }
}
