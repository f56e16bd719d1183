import type { ValidationIssue } from '../types';
import { familyChain, jobFamilies } from './familyChain';
import { familyIssue } from './issue';
import type { LintRule } from './types';

export const familyHasPerformanceIndicators: LintRule = {
  id: 'family-has-performance-indicators',
  severity: 'WARNING',
  description:
    'Every family states performance indicators: its own, an enclosing family\'s, a role\'s, or a shared include such as `{{% job-families/sales/performance %}}`.',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      const stated =
        familyChain(snapshot, family).some((f) => f.performanceIndicators.length > 0) ||
        family.roles.some((r) => r.performanceIndicators.length > 0);
      if (!stated) issues.push(familyIssue(familyHasPerformanceIndicators, family, `"${family.title}" has no performance indicators`));
    }
    return issues;
  },
};
