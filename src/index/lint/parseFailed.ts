import { warningIssue } from './issue';
import type { LintRule } from './types';

/** A page the parser could not read at all serves no roles: everything on it is missing. */
export const parseFailed: LintRule = {
  id: 'parse-failed',
  severity: 'ERROR',
  description: 'Every page could be read.',
  check(snapshot) {
    return snapshot.families.flatMap((family) =>
      family.warnings.filter((w) => w.code === 'parse-failed').map((w) => warningIssue(parseFailed, family, w)),
    );
  },
};
