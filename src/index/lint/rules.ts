import { careerLadderResolves } from './careerLadderResolves';
import { familyHasHiringProcess } from './familyHasHiringProcess';
import { familyHasPerformanceIndicators } from './familyHasPerformanceIndicators';
import { gradeInRange } from './gradeInRange';
import { parseFailed } from './parseFailed';
import { parseWarning } from './parseWarning';
import { reportsToResolves } from './reportsToResolves';
import { requirementsIncludeAbilityToUseGitlab } from './requirementsIncludeAbilityToUseGitlab';
import { roleHasGrade } from './roleHasGrade';
import { roleHasRequirements } from './roleHasRequirements';
import { roleHasResponsibilities } from './roleHasResponsibilities';
import { uniqueRoleIds } from './uniqueRoleIds';
import type { LintRule } from './types';

/** Every rule validateSnapshot runs, errors first; the README table lists them in this order. */
export const LINT_RULES: readonly LintRule[] = Object.freeze([
  parseFailed,
  uniqueRoleIds,
  roleHasResponsibilities,
  gradeInRange,
  roleHasRequirements,
  roleHasGrade,
  familyHasHiringProcess,
  familyHasPerformanceIndicators,
  requirementsIncludeAbilityToUseGitlab,
  careerLadderResolves,
  reportsToResolves,
  parseWarning,
]);
