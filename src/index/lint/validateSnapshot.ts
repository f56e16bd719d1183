import type { Snapshot, ValidationIssue } from '../types';
import { LINT_RULES } from './rules';
import type { LintRule } from './types';

/** Issues come in reading order: by file, then line (page-level issues without a line first), then rule. */
function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Runs every rule over one snapshot. Pure; the same snapshot always gives the same list. */
export function validateSnapshot(snapshot: Snapshot, rules: readonly LintRule[] = LINT_RULES): ValidationIssue[] {
  return rules.flatMap((rule) => rule.check(snapshot)).sort(compareIssues);
}
