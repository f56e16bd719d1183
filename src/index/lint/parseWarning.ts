import { warningIssue } from './issue';
import type { LintRule } from './types';

/**
 * Parser warning codes that a dedicated rule reports with better context, so they are not reported
 * twice: `grade-missing` (role-has-grade), `duplicate-role` (unique-role-ids), `parse-failed`
 * (parse-failed, an ERROR).
 */
export const COVERED_ELSEWHERE: ReadonlySet<string> = new Set(['grade-missing', 'duplicate-role', 'parse-failed']);

/** What the parser had to repair or guess at (broken front matter, headings swallowed by YAML, copy-paste grades). */
export const parseWarning: LintRule = {
  id: 'parse-warning',
  severity: 'WARNING',
  description: "Surfaces what the parser had to repair or guess, with the parser's warning code.",
  check(snapshot) {
    return snapshot.families.flatMap((family) =>
      family.warnings.filter((w) => !COVERED_ELSEWHERE.has(w.code)).map((w) => warningIssue(parseWarning, family, w)),
    );
  },
};
