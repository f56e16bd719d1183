import { resolveLadderTarget } from '../ladder';
import { snapshotGraph } from '../snapshotGraph';
import type { LadderLink, ValidationIssue } from '../types';
import { jobFamilies } from './familyChain';
import { familyIssue } from './issue';
import type { LintRule } from './types';

function problem(link: LadderLink): string {
  return link.target !== null
    ? `career ladder links to "${link.target}" ("${link.text}"), which is not a family in this handbook`
    : `career ladder names "${link.text}", which matches no family title`;
}

/**
 * Resolves links exactly as the ladder graph does (src/index/ladder.ts): by slug when linked, by
 * family title (titleKey) when only named in prose. What this rule flags is what `nextRoles` cannot follow.
 */
export const careerLadderResolves: LintRule = {
  id: 'career-ladder-resolves',
  // A warning: the roles are intact, only navigation to the next family is lost; and prose such as
  // "move to the Sales Management job family" may name a family by a title it no longer has.
  severity: 'WARNING',
  description: 'Every career-ladder link or named family exists as a family in the handbook.',
  check(snapshot) {
    const byTitle = snapshotGraph(snapshot).familyByTitle;
    const issues: ValidationIssue[] = [];
    for (const family of jobFamilies(snapshot)) {
      for (const link of family.careerLadder) {
        const target = resolveLadderTarget(link, snapshot.familyBySlug, byTitle);
        if (target === null || target.kind !== 'family') issues.push(familyIssue(careerLadderResolves, family, problem(link)));
      }
    }
    return issues;
  },
};
