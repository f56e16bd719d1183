import type { Role, Snapshot, SnapshotFamily, ValidationIssue } from '../types';
import { familyChain, jobFamilies } from './familyChain';
import { roleIssue } from './issue';
import { extendedRole } from '../roleByTitle';
import type { LintRule } from './types';

/**
 * Higher levels often inherit requirements ("Extends the SMB Advocate requirements", or a shared
 * `## Requirements` for the whole family), so a role is only flagged when nothing it builds on
 * states any either: not its own list, not the family's (or an enclosing family's) shared list, not
 * the role it extends.
 */
function inherited(snapshot: Snapshot, family: SnapshotFamily, role: Role): boolean {
  if (familyChain(snapshot, family).some((f) => f.requirements.length > 0)) return true;
  return (extendedRole(snapshot, role)?.requirements.length ?? 0) > 0;
}

export const roleHasRequirements: LintRule = {
  id: 'role-has-requirements',
  // A warning: a level page without requirements is usually a copy that relies on the level below.
  severity: 'WARNING',
  description: 'Every role states requirements, its own or inherited (family-wide, enclosing family, extended role).',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      for (const role of family.roles) {
        if (role.requirements.length === 0 && !inherited(snapshot, family, role)) {
          issues.push(roleIssue(roleHasRequirements, family, role, `"${role.title}" has no requirements`));
        }
      }
    }
    return issues;
  },
};
