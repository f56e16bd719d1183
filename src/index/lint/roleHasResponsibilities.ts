import type { ValidationIssue } from '../types';
import { jobFamilies } from './familyChain';
import { extendedRole } from '../roleByTitle';
import { roleIssue } from './issue';
import type { LintRule } from './types';

/**
 * A role without responsibilities tells a candidate nothing about the job: the page is broken.
 * Unless it extends a role that has them ("extends the responsibilities of the SMB Advocate role"):
 * then the author wrote them once, on purpose.
 */
export const roleHasResponsibilities: LintRule = {
  id: 'role-has-responsibilities',
  severity: 'ERROR',
  description: 'Every role lists its responsibilities, or extends a role that does.',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      for (const role of family.roles) {
        if (role.responsibilities.length === 0 && (extendedRole(snapshot, role)?.responsibilities.length ?? 0) === 0) {
          issues.push(roleIssue(roleHasResponsibilities, family, role, `"${role.title}" has no responsibilities`));
        }
      }
    }
    return issues;
  },
};
