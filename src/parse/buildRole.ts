// From a role draft (its sections) to the Role the API serves: title, grade, bullets, relations.
import { pushAll } from './pushAll';
import type { ListItem, ParseWarning, Role } from './types';
import type { Block } from './sections';
import type { PartKind } from './roles';
import { findGrade, gradeCell, linksBareGrade, type GradeMatch } from './grades';
import { allTexts, listItems, paragraphs, performanceTexts, sectionItems } from './lists';
import { findExtends, findReportsTo } from './prose';
import { slugify } from './slug';

export interface RoleSource {
  title: string;
  line: number;
  intro: Block[];
  parts: Record<PartKind, Block[]>;
  /** The grade a table elsewhere on the page gives this role (`| Senior Manager, Success Services | Grade 9 |`). */
  tableGrade: GradeMatch | null;
}

/** First grade in the blocks: a grade phrase, a table cell holding a grade, or (in grade sections) a bare number. */
export function gradeIn(blocks: Block[], bare: boolean): GradeMatch | null {
  for (const b of blocks) {
    if (b.type === 'table') {
      for (const row of b.rows) for (const cell of row) {
        const g = findGrade(cell, bare) ?? (bare ? gradeCell(cell) : null);
        if (g) return g;
      }
      continue;
    }
    const linked = b.type === 'paragraph' && linksBareGrade(b.links);
    for (const text of allTexts([b])) {
      const g = findGrade(text, bare || linked);
      if (g) return g;
    }
  }
  return null;
}

/** Paragraphs line by line: a title in prose ends at the line break (`reports to X` / `This position is ...`). */
function paragraphLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) if (b.type === 'paragraph') pushAll(out, b.lines);
  return out;
}

/** The grade a page table gives a title: a row naming it (one of the `<br>`-separated names) and a grade cell. */
export function tableGradeFor(blocks: Block[], title: string): GradeMatch | null {
  const want = slugify(title);
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    for (const row of b.rows) {
      if (!row.some((cell) => cell.split('\n').some((name) => slugify(name) === want))) continue;
      for (const cell of row) {
        const g = gradeCell(cell) ?? findGrade(cell);
        if (g) return g;
      }
    }
  }
  return null;
}

function texts(items: ListItem[]): string[] {
  return items.map((i) => i.text);
}

/**
 * The role's responsibilities section; without one, the bullets written right under the role heading
 * (brand-designer's `### Associate Brand Designer` then `- Execute design ...`, field-marketing's
 * Associate with duties under topic headings): a reader takes those as the role's duties.
 */
function responsibilitiesOf(src: RoleSource): { items: ListItem[]; prose: string[] } {
  const own = sectionItems(src.parts.responsibilities);
  if (own.items.length > 0 || own.prose.length > 0) return own;
  return { items: listItems(src.intro), prose: [] };
}

/** Builds one role; `familySlug` and `order` place it, `warnings` receives what a reader would flag. */
export function buildRole(src: RoleSource, familySlug: string, order: number, id: string, warnings: ParseWarning[]): Role {
  const grade = gradeIn(src.parts.grade, true) ?? gradeIn(src.intro, false) ?? src.tableGrade;
  if (!grade) {
    warnings.push({ code: 'grade-missing', message: `no grade stated for "${src.title}"`, line: src.line, role: src.title });
  }
  const resp = responsibilitiesOf(src);
  const req = sectionItems(src.parts.requirements);
  const performanceIndicators = performanceTexts(src.parts.performance);
  // The lead-in of the responsibilities ("As a Senior X you will:") introduces the bullets, not the
  // role; it is the description only when the role has no paragraph of its own.
  const ownDescription = paragraphs(src.intro).filter((p) => findGrade(p) === null);
  const description = ownDescription.length > 0 ? ownDescription : resp.prose;
  const proseOrder = [
    ...paragraphLines(src.intro),
    ...resp.prose,
    ...texts(resp.items),
    ...paragraphs(src.parts.grade),
    ...req.prose,
    ...texts(req.items),
  ];
  let reportsTo: string | null = null;
  let extendsTitle: string | null = null;
  for (const t of proseOrder) {
    reportsTo ??= findReportsTo(t);
    extendsTitle ??= findExtends(t);
  }
  return {
    id,
    familySlug,
    title: src.title,
    grade: grade ? grade.grade : null,
    gradeText: grade ? grade.text : null,
    description,
    responsibilities: texts(resp.items),
    responsibilityItems: resp.items,
    requirements: texts(req.items),
    requirementItems: req.items,
    performanceIndicators,
    reportsTo,
    extends: extendsTitle,
    order,
    line: src.line,
  };
}

/** Grade sentence subject of a role's grade, to flag copy-paste sentences naming another role. */
export function gradeSubject(src: RoleSource): string | null {
  const g = gradeIn(src.parts.grade, true) ?? gradeIn(src.intro, false);
  return g?.subject ?? null;
}
