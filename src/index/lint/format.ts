import type { ValidationIssue } from '../types';

/**
 * Human-readable lint output, one block per file like eslint/remark: the path, then one line per
 * issue `path:line  SEVERITY  rule-id  message`, then a count. JSON output is the issue array as is.
 * An issue without a line (a page that could not be read) shows the bare path.
 */
export function formatIssuesText(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return 'No issues.\n';
  const byPath = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const list = byPath.get(issue.path);
    if (list) list.push(issue);
    else byPath.set(issue.path, [issue]);
  }
  const blocks: string[] = [];
  for (const [path, list] of byPath) {
    const lines = list.map((i) => `${path}${i.line === null ? '' : `:${i.line}`}  ${i.severity.padEnd(7)}  ${i.ruleId}  ${i.message}`);
    blocks.push(`${path}\n${lines.join('\n')}\n`);
  }
  const errors = issues.filter((i) => i.severity === 'ERROR').length;
  const warnings = issues.length - errors;
  const count = `${issues.length} ${plural(issues.length, 'issue')} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')})`;
  return `${blocks.join('\n')}\n${count}\n`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
