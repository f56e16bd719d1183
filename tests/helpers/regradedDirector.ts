// The regional sales director seed as a family whose grade a test changes commit by commit: the
// refresh and replica tests push regrades and wait for every server to show the new grade.
import { seed } from './makeRepo';

export const DIRECTOR_FAMILY = 'sales/director-regional-sales';
export const DIRECTOR_FILE = `content/job-families/${DIRECTOR_FAMILY}.md`;
export const DIRECTOR_PAGE = seed('director-regional-sales.md');

/** The director's page at another grade (the seed says grade 10). */
export function directorAtGrade(grade: number): string {
  const changed = DIRECTOR_PAGE.replace('is a [grade 10]', `is a [grade ${grade}]`);
  if (changed === DIRECTOR_PAGE) throw new Error('seed no longer states grade 10');
  return changed;
}
