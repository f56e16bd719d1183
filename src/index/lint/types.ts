import type { Severity, Snapshot, ValidationIssue } from '../types';

/**
 * One check over a whole snapshot, in the spirit of remark-lint: a stable id, one severity, and a
 * pure function returning positioned issues. Every issue a rule returns carries the rule's id and
 * severity (see `issue.ts`).
 */
export interface LintRule {
  id: string;
  severity: Severity;
  /** One line for `rolegraph lint --help` and the README table. */
  description: string;
  check(snapshot: Snapshot): ValidationIssue[];
}
