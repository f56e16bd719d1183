// What a heading names, judged from its words the way a reader skims a job-family page. The role
// structure (roles.ts) is decided from these kinds plus the headings' depths.

import { rememberAnswers } from './rememberAnswers';
import { correctSectionWords, sectionWord } from './spelling';

export type HeadingKind =
  /** The page title (`# Backend Engineer`): never a role heading. */
  | 'title'
  /** `Job Grade`, `SMB Advocate Team Lead Job Grade`. */
  | 'grade'
  | 'responsibilities'
  | 'requirements'
  | 'performance'
  | 'ladder'
  | 'hiring'
  /** `Levels`, `Job Grades`, `Individual Contributor Levels`: holds level headings. */
  | 'levels'
  /** `Specialties`, `Territories`, `Segment`, `Verticals`: variants of a role, never roles themselves. */
  | 'variants'
  /** Family-level prose that is neither a role nor one of the above (`Links`, `Benefits`). */
  | 'family'
  /** Anything else: a role/level heading or a plain sub-topic, decided by structure. */
  | 'other';

/** The role-part kinds: sections that belong to the role they sit in. */
export const ROLE_PARTS: ReadonlySet<HeadingKind> = new Set(['grade', 'responsibilities', 'requirements', 'performance']);

/** `Job Grade`, `Grade`, `X Job Grade` (singular: `Job Grades` is a level list). */
const GRADE_HEADING = /(?:^|\s)(?:job\s+)?grade$/;
/** `Responsibilities`, `Team responsibility` (misspellings are corrected before, see spelling.ts). */
const RESPONSIBILITIES_WORD = /\bresponsibilit(?:y|ies)\b/;
/**
 * `Responsibilities and Requirements` (community-advocate): the bullets under it are duties ("Develop
 * policies", "Monitor reporting"), so it counts as responsibilities rather than requirements.
 */
const RESPONSIBILITIES_AND_REQUIREMENTS = /^responsibilities\s+(?:and|&)\s+requirements$/;
/** What engineering/support-management.md calls responsibilities: `What you can expect in a ... role`. */
const EXPECT_HEADING = /^what you (?:can expect|will do|'ll do|’ll do)\b/;
/** `Requirements`, `Job Requirements`, `Qualifications`, `About you`, `You should apply if`, `Nice-to-haves`. */
const REQUIREMENTS_HEADING =
  /(?:\brequirements?|\bqualifications?|^about you|^you should apply if|\bnice[- ]to[- ]haves?|^nice to have|^professional experience|^other helpful experience|^tool proficiency)$/;
/** `Performance Indicators`, `Key Performance Indicators`, `Engineering Productivity Performance Indicators`. */
const PERFORMANCE_HEADING = /\bperformance\s+indicators?$/;
/** `Career Ladder`, `Career Progression` (editor), `Career Path`. */
const LADDER_HEADING = /^career\s+(?:ladder|progression|path)s?$/;
/** `Hiring Process`, `Director of Pricing Hiring Process`. */
const HIRING_HEADING = /\bhiring\s+process$/;
/** Headings that hold the level headings of a family. */
const LEVELS_HEADING =
  /^(?:levels|job\s+levels|job\s+grades|grades|(?:individual\s+contributor|people\s+manager|manager|management|leadership)\s+levels|levels?\s+(?:and|&)\s+grades?)$/;
/** Role variants that are not roles (`Specialties`, `Territories`, `## Verticals `, `Location Specific Requirements`). */
const VARIANTS_HEADING =
  /^(?:specialt(?:y|ies)|specialit(?:y|ies)|speciali[sz]ations?|territor(?:y|ies)|segments?|verticals?|stages|regions?)$|\bspecific\s+requirements$|^specialt(?:y|ies):|\bspecialty$/;
/** Family-level prose sections a reader never takes for a role. */
const FAMILY_HEADING =
  /^(?:links|relevant\s+links|benefits|compensation(?:\s+and\s+benefits)?|about\s+gitlab|what\s+it[’']s\s+like\s+to\s+work\s+here|working\s+at\s+gitlab|job\s+family\s+description|overview|role|the\s+role|description|job\s+description|about\s+the\s+role|summary|position)$/;

/** Lower-cased, trimmed, trailing colon removed: the form the patterns above are written for. */
export function headingKey(title: string): string {
  return title.toLowerCase().replace(/[:\s]+$/, '').replace(/\s+/g, ' ').trim();
}

/** What a heading is: the page title at depth 1, else by its text. */
export function classifyHeading(title: string, depth: number): HeadingKind {
  return depth === 1 ? 'title' : kindRemembered(title);
}

function kindOfTitle(title: string): HeadingKind {
  const key = correctSectionWords(headingKey(title));
  if (VARIANTS_HEADING.test(key)) return 'variants';
  if (LEVELS_HEADING.test(key)) return 'levels';
  if (LADDER_HEADING.test(key)) return 'ladder';
  if (HIRING_HEADING.test(key)) return 'hiring';
  if (PERFORMANCE_HEADING.test(key)) return 'performance';
  if (GRADE_HEADING.test(key)) return 'grade';
  if (RESPONSIBILITIES_AND_REQUIREMENTS.test(key)) return 'responsibilities';
  if (REQUIREMENTS_HEADING.test(key)) return 'requirements';
  if (RESPONSIBILITIES_WORD.test(key) || EXPECT_HEADING.test(key)) return 'responsibilities';
  if (FAMILY_HEADING.test(key)) return 'family';
  return 'other';
}

/**
 * Remembered per title (rememberAnswers.ts): every version of a page repeats its headings, and each
 * answer is a spelling pass and up to eleven patterns.
 */
const kindRemembered = rememberAnswers(kindOfTitle, { entries: 10_000, maxChars: 200 });

/** Suffixes a role-part heading may carry after the role's name (`SMB Advocate Team Lead Requirements`). */
const PART_SUFFIX = /\s+(?:job\s+grade|responsibilit(?:y|ies)|requirements|qualifications|performance\s+indicators|hiring\s+process)$/i;

/** The last word of a heading, where a part name sits after the role's name. */
const LAST_WORD = /[A-Za-z]+$/;

/** The role name a role-part heading is prefixed with, or '' (`X Requirements` → `X`, `X Responsibilites` → `X`). */
export function partPrefix(title: string): string {
  // Only the last word is corrected, so the role name before it is returned exactly as written.
  const trimmed = title.trim().replace(LAST_WORD, (w) => sectionWord(w.toLowerCase()) ?? w);
  const stripped = trimmed.replace(PART_SUFFIX, '');
  return stripped === trimmed ? '' : stripped.trim();
}

/** Words that make a heading read as a level (`### Senior`, `## Manager, X`), not a specialty (`### Geo`). */
const LEVEL_WORD =
  /\b(?:intern|junior|associate|intermediate|senior|staff|principal|distinguished|lead|manager|director|head|vp|vice\s+president|chief|fellow)\b/i;

/** Whether a heading's words name a level, so dropping it as a specialty is worth a reader's look. */
export function looksLikeLevel(title: string): boolean {
  return LEVEL_WORD.test(title);
}
