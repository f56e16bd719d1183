import type { ValidationIssue } from '../types';
import { familyChain, jobFamilies } from './familyChain';
import { familyIssue } from './issue';
import type { LintRule } from './types';

export const familyHasHiringProcess: LintRule = {
  id: 'family-has-hiring-process',
  // A warning: many families describe hiring on a shared handbook page instead.
  severity: 'WARNING',
  description: 'Every family (or the family enclosing it) describes its hiring process.',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      if (familyChain(snapshot, family).some((f) => f.hiringProcess.length > 0)) continue;
      issues.push(familyIssue(familyHasHiringProcess, family, `"${family.title}" has no hiring process`));
    }
    return issues;
  },
};
