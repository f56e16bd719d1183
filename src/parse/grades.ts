// Grades as handbook pages state them, read from text whose links are already reduced to their text:
// `grade 12`, `Grade 9`, `grade level 8`, `job grade level 9`, `grade 10+`, `grade 9.5`,
// `grade 11 or a grade 12` (the lowest counts), `grade #7`, and a bare `is a 10` inside a Job Grade section.

/** A grade number: 1-2 digits with an optional decimal (`9.5`). */
const NUMBER = String.raw`(\d{1,2}(?:\.\d{1,2})?)`;

/**
 * `grade 6`, `Grade 9`, `grade level 8`, `grade 10+`, `grade 11 or a grade 12`, `grades 8-9`, `grade #7`.
 * Each part is a fixed word or a bounded class, so there is no backtracking blow-up.
 */
const GRADE_PHRASE = new RegExp(
  String.raw`\bgrades?(?:[ \t]+level)?[ \t]+\[?#?${NUMBER}(\+)?(?:[ \t]*(?:or|to|-|–)[ \t]+(?:an?[ \t]+)?(?:grade[ \t]+)?${NUMBER})?`,
  'i',
);

/** `The Director, Corporate Controller is a 10.` — the number alone after `is a`, within a grade section. */
const BARE_GRADE = new RegExp(String.raw`\b(?:is|are|be)[ \t]+an?[ \t]+${NUMBER}(\+)?(?=[ \t]*(?:[.,;)]|$|[ \t]in\b))`, 'i');

/** A cell that is only a grade: `7`, `9.5`, `Grade 6`. */
const GRADE_CELL = new RegExp(String.raw`^(?:grade[ \t]+)?${NUMBER}(\+)?$`, 'i');

/** The subject of a grade sentence: `The Junior Backend Engineer is a grade 5` → `Junior Backend Engineer`. */
const GRADE_SUBJECT = /(?:^|[.!?]\s+)(?:the\s+)?([^.!?]{1,120}?)\s+(?:is|are|can be|will be|maps to|role is)\b[^.!?]{0,60}$/i;

export interface GradeMatch {
  grade: number;
  /** The grade as written: `grade 11 or a grade 12`, `grade level 8`, `10`. */
  text: string;
  /** Who the sentence says holds the grade, as written (`Junior Backend Engineer`), when it names one. */
  subject: string | null;
}

function subjectBefore(text: string, index: number): string | null {
  const m = GRADE_SUBJECT.exec(text.slice(Math.max(0, index - 200), index));
  return m?.[1]?.trim() ?? null;
}

/** Finds the first grade statement in `text`; `bare` also accepts `is a 10` (inside a grade section). */
export function findGrade(text: string, bare = false): GradeMatch | null {
  const m = GRADE_PHRASE.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = m[3] !== undefined ? Number(m[3]) : null;
    return { grade: b !== null ? Math.min(a, b) : a, text: m[0].replace(/\[/g, ''), subject: subjectBefore(text, m.index) };
  }
  if (!bare) return null;
  const n = BARE_GRADE.exec(text);
  if (!n) return null;
  const numberAt = n.index + n[0].indexOf(n[1] ?? '');
  return { grade: Number(n[1]), text: `${n[1]}${n[2] ?? ''}`, subject: subjectBefore(text, numberAt) };
}

/** A table cell holding only a grade (`7`, `Grade 6`). */
export function gradeCell(cell: string): GradeMatch | null {
  const m = GRADE_CELL.exec(cell.trim());
  if (!m) return null;
  return { grade: Number(m[1]), text: cell.trim(), subject: null };
}

/** A link to the grade table (`/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades`). */
const GRADE_TABLE_HREF = /compensation-calculator|job-grades/i;
/** Link text that is only a grade number: `is a [12](…#gitlab-job-grades)`, `is a [6](…)`. */
const BARE_NUMBER = /^\d{1,2}(?:\.\d{1,2})?\+?$/;

/**
 * True when a text links a bare number to the grade table: the link says what the number is, so
 * `is a 12` reads as a grade there even outside a Job Grade section.
 */
export function linksBareGrade(links: ReadonlyArray<{ text: string; href: string }>): boolean {
  return links.some((l) => GRADE_TABLE_HREF.test(l.href) && BARE_NUMBER.test(l.text.trim()));
}
