import { formatIssuesText, LINT_RULES, validateSnapshot } from '../../../src/index/lint';
import { seedPage, seedPages, snapshotOf } from '../../helpers/snapshotOf';

describe('validateSnapshot', () => {
  test('runs every rule, one id each', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([
      'career-ladder-resolves',
      'family-has-hiring-process',
      'family-has-performance-indicators',
      'grade-in-range',
      'parse-failed',
      'parse-warning',
      'reports-to-resolves',
      'requirements-include-ability-to-use-gitlab',
      'role-has-grade',
      'role-has-requirements',
      'role-has-responsibilities',
      'unique-role-ids',
    ]);
  });

  test('the VP seed alone: its issues in line then rule order', () => {
    const issues = validateSnapshot(snapshotOf([seedPage('vp-of-commercial-sales.md')]));
    expect(issues.map((i) => [i.line, i.severity, i.ruleId])).toEqual([
      [1, 'WARNING', 'career-ladder-resolves'],
      [1, 'WARNING', 'family-has-hiring-process'],
      [1, 'WARNING', 'reports-to-resolves'],
    ]);
  });

  test('all seeds: sorted by path then line; the seeds hold warnings only', () => {
    const issues = validateSnapshot(snapshotOf(seedPages()));
    const keys = issues.map((i) => `${i.path}\0${String(i.line).padStart(5, '0')}`);
    expect(keys).toEqual([...keys].sort());
    expect(issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(issues.find((i) => i.ruleId === 'role-has-requirements')?.roleId).toBe('sales/account-executive#commercial-account-executive-named');
  });
});

describe('formatIssuesText', () => {
  test('groups by file, one `path:line  severity  rule  message` line per issue, then a count', () => {
    const issues = validateSnapshot(snapshotOf([seedPage('vp-of-commercial-sales.md'), seedPage('inside-sales-mid-market.md')]));
    const p1 = 'content/job-families/sales/inside-sales-mid-market.md';
    const p2 = 'content/job-families/sales/vp-of-commercial-sales.md';
    expect(formatIssuesText(issues)).toBe(
      [
        p1,
        `${p1}:1  WARNING  career-ladder-resolves  career ladder names "SMB Account Executive job family", which matches no family title`,
        `${p1}:1  WARNING  reports-to-resolves  "Inside Sales, Mid-Market" reports to "Worldwide Director of Commercial Mid-Market", which matches no role title`,
        `${p1}:1  WARNING  role-has-grade  "Inside Sales, Mid-Market" has no job grade`,
        '',
        p2,
        `${p2}:1  WARNING  career-ladder-resolves  career ladder links to "sales/chief-revenue-officer" ("Chief Revenue Officer"), which is not a family in this handbook`,
        `${p2}:1  WARNING  family-has-hiring-process  "Vice President of Commerical Sales (Mid-Market and SMB)" has no hiring process`,
        `${p2}:1  WARNING  reports-to-resolves  "VP of Commercial Sales" reports to "Chief Revenue Officer", which matches no role title`,
        '',
        '6 issues (0 errors, 6 warnings)',
        '',
      ].join('\n'),
    );
  });

  test('an ERROR is padded to line up with WARNING, a missing line leaves the bare path; no issues says so', () => {
    const text = formatIssuesText([
      { ruleId: 'grade-in-range', severity: 'ERROR', message: 'm', familySlug: 's', roleId: null, path: 'a.md', line: null },
    ]);
    expect(text).toBe('a.md\na.md  ERROR    grade-in-range  m\n\n1 issue (1 error, 0 warnings)\n');
    expect(formatIssuesText([])).toBe('No issues.\n');
  });
});
