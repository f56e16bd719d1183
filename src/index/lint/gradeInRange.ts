import type { ValidationIssue } from '../types';
import { jobFamilies } from './familyChain';
import { roleIssue } from './issue';
import type { LintRule } from './types';

/**
 * GitLab's grading structure runs from grade 5 (junior individual contributors, interns) to the high
 * teens (executives); 1..20 leaves room on both sides, so anything outside is a typo ("grade 80",
 * a year or a salary caught as a grade). Half steps exist (`grade 9.5`, product/pricing.md); finer
 * fractions do not.
 */
export const GRADE_MIN = 1;
export const GRADE_MAX = 20;

export const gradeInRange: LintRule = {
  id: 'grade-in-range',
  // An error: compensation tools read the grade; a wrong one is worse than none.
  severity: 'ERROR',
  description: `Grades lie in ${GRADE_MIN}..${GRADE_MAX}, in whole or half steps.`,
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      for (const role of family.roles) {
        const grade = role.grade;
        if (grade === null) continue;
        if (grade < GRADE_MIN || grade > GRADE_MAX) {
          issues.push(roleIssue(gradeInRange, family, role, `"${role.title}" has grade ${grade}, outside ${GRADE_MIN}..${GRADE_MAX}`));
        } else if (!Number.isInteger(grade * 2)) {
          issues.push(roleIssue(gradeInRange, family, role, `"${role.title}" has grade ${grade}; grades come in whole or half steps`));
        }
      }
    }
    return issues;
  },
};
