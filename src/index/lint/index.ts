// Handbook validation: one rule per file, run together over a snapshot.
export { validateSnapshot } from './validateSnapshot';
export { LINT_RULES } from './rules';
export { formatIssuesText } from './format';
export type { LintRule } from './types';
export { careerLadderResolves } from './careerLadderResolves';
export { familyHasHiringProcess } from './familyHasHiringProcess';
export { familyHasPerformanceIndicators } from './familyHasPerformanceIndicators';
export { gradeInRange, GRADE_MIN, GRADE_MAX } from './gradeInRange';
export { parseFailed } from './parseFailed';
export { parseWarning } from './parseWarning';
export { reportsToResolves } from './reportsToResolves';
export { requirementsIncludeAbilityToUseGitlab } from './requirementsIncludeAbilityToUseGitlab';
export { roleHasGrade } from './roleHasGrade';
export { roleHasRequirements } from './roleHasRequirements';
export { roleHasResponsibilities } from './roleHasResponsibilities';
export { uniqueRoleIds } from './uniqueRoleIds';
