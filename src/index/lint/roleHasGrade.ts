import type { ValidationIssue } from '../types';
import { jobFamilies } from './familyChain';
import { roleIssue } from './issue';
import type { LintRule } from './types';

export const roleHasGrade: LintRule = {
  id: 'role-has-grade',
  // A warning: executive pages (CRO, CFO, CISO) deliberately state no grade.
  severity: 'WARNING',
  description: 'Every role states a numeric job grade.',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      for (const role of family.roles) {
        if (role.grade !== null) continue;
        const message =
          role.gradeText === null
            ? `"${role.title}" has no job grade`
            : `"${role.title}" has no numeric job grade ("${role.gradeText}")`;
        issues.push(roleIssue(roleHasGrade, family, role, message));
      }
    }
    return issues;
  },
};
