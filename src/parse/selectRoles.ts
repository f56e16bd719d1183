// The second look a reader takes once the grades are known: on a page whose levels state grades, a
// heading with responsibilities but no grade and no word about grades is a specialty or a shared
// section (`### Distribution`, `## Brand Designer` before the levels), not a role. And a page with a
// single role owns the parts written beside it (`## Responsibilities` next to `### Chief of Staff`).
import { pushAll } from './pushAll';
import type { Block, Section } from './sections';
import { emptyParts, type FamilyDraft, type PartKind, type RoleDraft } from './roles';
import { declaresRole } from './roleShape';
import { gradeIn, tableGradeFor, type RoleSource } from './buildRole';
import { allTexts, listItems } from './lists';
import { looksLikeLevel } from './headings';
import { isTitleLike } from './gradeSubjects';
import { slugify } from './slug';

/** Any mention of a grade (`not aligned to a job grade`), which makes a gradeless heading still a role. */
const MENTIONS_GRADE = /\bgrade\b/i;

const PART_KINDS: PartKind[] = ['grade', 'responsibilities', 'requirements', 'performance'];

/** Whether a gradeless heading still reads as a level: it mentions grades or says which role it extends. */
function mentionsGrade(d: RoleDraft): boolean {
  if (d.partTitles.some((p) => p.kind === 'grade') || declaresRole(d.title, d.intro)) return true;
  return [...allTexts(d.intro), ...allTexts(d.parts.grade)].some((t) => MENTIONS_GRADE.test(t));
}

function mergeParts(into: Record<PartKind, Block[]>, from: Record<PartKind, Block[]>): void {
  for (const k of PART_KINDS) pushAll(into[k], from[k]);
}

export interface Selected {
  sources: RoleSource[];
  /** Parts left to the family (shared by its roles). */
  familyParts: Record<PartKind, Block[]>;
  /** Headings named like levels but read as specialties because they state no grade, for a warning. */
  demoted: RoleDraft[];
}

/** Every table on the page, where level grades are sometimes listed (`| Role | Grade |`). */
function pageTables(sections: Section[]): Block[] {
  return sections.flatMap((s) => s.blocks.filter((b) => b.type === 'table'));
}

/**
 * Responsibilities written once above the levels (`## Responsibilities` then `## Levels`, backend's
 * "Backend Engineering Roles at GitLab") are every level's: a level with no duties of its own (no
 * responsibilities section, no bullets under its heading) takes them. The family type has no
 * responsibilities field, so without this they would be lost.
 */
function shareResponsibilities(sources: RoleSource[], shared: Block[]): void {
  if (sources.length < 2 || listItems(shared).length === 0) return;
  sources.forEach((src, i) => {
    if (src.parts.responsibilities.length > 0 || listItems(src.intro).length > 0) return;
    sources[i] = { ...src, parts: { ...src.parts, responsibilities: [...shared] } };
  });
}

/** The parts a page-level role takes with it; performance indicators stay the family's. */
const PAGE_ROLE_PARTS: PartKind[] = ['grade', 'responsibilities', 'requirements'];

/**
 * A page that writes one role at page level (`## Role` … `### Job Grade`: "The Community Advocate is a
 * grade 5", then its responsibilities and requirements) before level headings for the others: the
 * grade sentence names a role that no heading does, and the levels refer to it ("share the same
 * responsibilities and requirements as the Community Advocate listed above"). It is a role too.
 */
function pageLevelRole(draft: FamilyDraft, parts: Record<PartKind, Block[]>, sources: RoleSource[]): RoleSource | null {
  if (sources.length === 0) return null;
  const subject = gradeIn(parts.grade, true)?.subject ?? null;
  if (subject === null || !isTitleLike(subject)) return null;
  if (sources.some((src) => slugify(src.title) === slugify(subject))) return null;
  const line = draft.partTitles.find((p) => p.kind === 'grade')?.line ?? 1;
  const own = { grade: [...parts.grade], responsibilities: [...parts.responsibilities], requirements: [...parts.requirements], performance: [] };
  return { title: subject, line, intro: [...draft.intro], parts: own, tableGrade: null };
}

export function selectRoles(draft: FamilyDraft, sections: Section[]): Selected {
  const tables = pageTables(sections);
  const familyParts: Record<PartKind, Block[]> = { grade: [...draft.parts.grade], responsibilities: [...draft.parts.responsibilities], requirements: [...draft.parts.requirements], performance: [...draft.parts.performance] };
  // Each level's table row is looked up once: it is both a fallback grade here and the source's tableGrade below.
  const tableGrades = draft.roles.map((d) => tableGradeFor(tables, d.title));
  const graded = draft.roles.map((d, i) => gradeIn(d.parts.grade, true) ?? gradeIn(d.intro, false) ?? tableGrades[i] ?? null);
  const pageGrade = gradeIn(draft.parts.grade, true);
  const firstGraded = graded.findIndex((g) => g !== null);
  const anyGrade = firstGraded >= 0 || pageGrade !== null;
  const sources: RoleSource[] = [];
  const demoted: RoleDraft[] = [];
  draft.roles.forEach((d, i) => {
    const grade = graded[i] ?? null;
    if (anyGrade && grade === null && !mentionsGrade(d)) {
      // Before the first graded level it is text every level shares; after, a specialty (dropped).
      const shared = firstGraded >= 0 && i < firstGraded;
      if (shared) mergeParts(familyParts, d.parts);
      // Intro sections and specialties (`### Geo`, `#### Bonus`, `### Sales & Marketing`) are read as
      // documented; only a dropped heading named like a level (`### Senior`) is worth a warning.
      else if (looksLikeLevel(d.title)) demoted.push(d);
      return;
    }
    sources.push({ title: d.title, line: d.line, intro: d.intro, parts: d.parts, tableGrade: tableGrades[i] ?? null });
  });
  const pageRole = pageLevelRole(draft, familyParts, sources);
  if (pageRole) {
    if (pageRole.line < (sources[0]?.line ?? 0)) sources.unshift(pageRole);
    else sources.push(pageRole);
    for (const k of PAGE_ROLE_PARTS) familyParts[k] = [];
  }
  shareResponsibilities(sources, familyParts.responsibilities);
  const only = sources[0];
  if (sources.length === 1 && only) {
    const own = only.parts;
    const merged = emptyParts();
    for (const k of PART_KINDS) merged[k] = k === 'grade' ? [...own.grade, ...familyParts.grade] : [...familyParts[k], ...own[k]];
    sources[0] = { ...only, parts: merged };
    for (const k of PART_KINDS) familyParts[k] = [];
  }
  return { sources, familyParts, demoted };
}
