import type { ParseWarning, Role, SnapshotFamily, ValidationIssue } from '../types';
import type { LintRule } from './types';

type RuleHead = Pick<LintRule, 'id' | 'severity'>;

/** An issue about a page as a whole: the front matter (line 1) is where a page starts. */
export function familyIssue(rule: RuleHead, family: SnapshotFamily, message: string, line: number | null = 1): ValidationIssue {
  return { ruleId: rule.id, severity: rule.severity, message, familySlug: family.slug, roleId: null, path: family.path, line };
}

/** An issue about one role, placed at the role's heading. */
export function roleIssue(rule: RuleHead, family: SnapshotFamily, role: Role, message: string): ValidationIssue {
  return { ruleId: rule.id, severity: rule.severity, message, familySlug: family.slug, roleId: role.id, path: family.path, line: role.line };
}

/** A parser warning as an issue: the parser's code stays visible, the role found by its title. */
export function warningIssue(rule: RuleHead, family: SnapshotFamily, warning: ParseWarning): ValidationIssue {
  const role = warning.role === null ? undefined : family.roles.find((r) => r.title === warning.role);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: `${warning.message} (${warning.code})`,
    familySlug: family.slug,
    roleId: role?.id ?? null,
    path: family.path,
    line: warning.line,
  };
}
