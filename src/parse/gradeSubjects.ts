// Copy-paste grade sentences: a level's `Job Grade` section saying "The Junior Backend Engineer is a
// grade 5" under `### Intern, Backend Engineer`. The grade stays with the level whose section holds
// the sentence (that is where the author put it); the mismatch becomes a warning a reader can act on.
import type { ParseWarning, Role } from './types';
import { gradeSubject, type RoleSource } from './buildRole';
import { slugify } from './slug';
import { titleWords } from './titleKey';
import { editDistance } from './spelling';

/** Words that carry no identity in a title (`Director of Pricing` = `Director, Pricing`). */
const FILLER_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'and', 'for', 'to', 'in']);

/** Subjects that refer to the role instead of naming it (`This position is a job grade 6`). */
const NOT_A_TITLE = /^(?:this|it|they|these)\b|\b(?:role|position|job)\b/i;

/** Whether a grade sentence's subject is a title (`Community Advocate`), not a reference (`This position`). */
export function isTitleLike(subject: string): boolean {
  return /^[A-Z0-9]/.test(subject) && !NOT_A_TITLE.test(subject);
}

/** A title's identifying words, in order (`Junior Account Executive - Mid Market` → junior, account, …). */
function identifyingWords(title: string): string[] {
  return titleWords(title).filter((w) => !FILLER_WORDS.has(w));
}

/** `ae` stands for a run of words of `words` (`account executive`). */
function isAcronymIn(word: string, words: string[]): boolean {
  if (word.length < 2 || word.length > 4) return false;
  for (let i = 0; i + word.length <= words.length; i++) {
    if (words.slice(i, i + word.length).map((w) => w.charAt(0)).join('') === word) return true;
  }
  return false;
}

/** Every word of `small` is in `big`: as written, with one typo (`Commerical`), or as an acronym (`AE`). */
function contains(big: string[], small: string[]): boolean {
  return small.every((w) => big.includes(w) || (w.length >= 5 && big.some((b) => editDistance(w, b, 1) <= 1)) || isAcronymIn(w, big));
}

/**
 * Whether a sentence's subject can be a way of writing the role's title: one's words include the
 * other's (`Associate` / `Associate Recruiter`, `Junior Mid Market Account Executive` / `Junior Account
 * Executive - Mid Market`, `New Logo Account Executive` / `New Logo AE`). `Intern, Backend Engineer` /
 * `Junior Backend Engineer` cannot: each has a word the other lacks.
 */
export function namesSameRole(title: string, subject: string): boolean {
  const a = identifyingWords(title);
  const b = identifyingWords(subject);
  return contains(a, b) || contains(b, a);
}

/** Warns where a role's grade sentence names another role of the page, or a role that is not this one. */
export function flagGradeSubjects(sources: RoleSource[], roles: Role[], warnings: ParseWarning[]): void {
  const titles = new Map(roles.map((r) => [slugify(r.title), r.title]));
  sources.forEach((src, i) => {
    const subject = gradeSubject(src);
    const role = roles[i];
    if (!subject || !role || !isTitleLike(subject)) return;
    const other = titles.get(slugify(subject));
    if (other === role.title) return;
    if (other === undefined && namesSameRole(role.title, subject)) return;
    warnings.push({
      code: 'grade-names-other-role',
      message: `the grade sentence of "${role.title}" names "${other ?? subject}"`,
      line: role.line,
      role: role.title,
    });
  });
}
