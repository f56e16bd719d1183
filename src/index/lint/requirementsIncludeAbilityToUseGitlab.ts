import type { ListItem, Snapshot, SnapshotFamily, ValidationIssue } from '../types';
import { familyChain, jobFamilies } from './familyChain';
import { familyIssue } from './issue';
import type { LintRule } from './types';

/** The handbook's standard requirement bullet, "Ability to use GitLab", with any spacing or case. */
const ABILITY_TO_USE_GITLAB = /\bability\s+to\s+use\s+gitlab\b/i;

function anyItem(items: readonly ListItem[]): boolean {
  return items.some((item) => ABILITY_TO_USE_GITLAB.test(item.text) || anyItem(item.children));
}

function states(snapshot: Snapshot, family: SnapshotFamily): boolean {
  return (
    familyChain(snapshot, family).some((f) => f.requirements.some((r) => ABILITY_TO_USE_GITLAB.test(r))) ||
    family.roles.some((r) => r.requirements.some((t) => ABILITY_TO_USE_GITLAB.test(t)) || anyItem(r.requirementItems))
  );
}

/**
 * Checked per family, not per role: multi-level pages state the bullet once, for the first level,
 * and the others extend it.
 */
export const requirementsIncludeAbilityToUseGitlab: LintRule = {
  id: 'requirements-include-ability-to-use-gitlab',
  severity: 'WARNING',
  description: 'Some requirement of the family says "Ability to use GitLab".',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      if (family.roles.length === 0 || states(snapshot, family)) continue;
      issues.push(familyIssue(requirementsIncludeAbilityToUseGitlab, family, `no requirement of "${family.title}" says "Ability to use GitLab"`));
    }
    return issues;
  },
};
