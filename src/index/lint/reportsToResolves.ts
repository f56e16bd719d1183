import type { ValidationIssue } from '../types';
import { jobFamilies } from './familyChain';
import { roleIssue } from './issue';
import { snapshotGraph } from '../snapshotGraph';
import { titleKey } from '../../parse';
import type { LintRule } from './types';

/**
 * A manager is named by title in prose, so titles are compared by `titleKey` (case, punctuation,
 * articles and word order ignored). Family titles count too: a single-role page's title may differ
 * from its role's ("Vice President of ..." page, "VP of ..." role).
 */
export const reportsToResolves: LintRule = {
  id: 'reports-to-resolves',
  // A warning: the manager may be a role the handbook does not (yet) describe.
  severity: 'WARNING',
  description: 'The role a role reports to is a role (or family) title somewhere in the handbook.',
  check(snapshot) {
    const { rolesByTitle, familyByTitle } = snapshotGraph(snapshot);
    const known = (title: string): boolean => rolesByTitle.has(titleKey(title)) || familyByTitle.has(titleKey(title));
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      for (const role of family.roles) {
        if (role.reportsTo === null || known(role.reportsTo)) continue;
        issues.push(roleIssue(reportsToResolves, family, role, `"${role.title}" reports to "${role.reportsTo}", which matches no role title`));
      }
    }
    return issues;
  },
};
