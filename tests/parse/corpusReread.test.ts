// Real corpus files re-read by hand after the expectation table in corpus.test.ts was generated:
// what a reader finds on the page that the first parser missed (duties written without a
// Responsibilities heading, a role written at page level, prose relations).
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFamily } from '../../src/parse';
import type { JobFamily } from '../../src/parse';
import { CORPUS_DIR } from '../helpers/makeRepo';

const VERSIONS = join(CORPUS_DIR, 'versions');

function parse(rel: string): { family: JobFamily } {
  const text = readFileSync(join(VERSIONS, rel), 'utf8');
  return { family: parseFamily(rel.slice(rel.indexOf('/') + 1), text) };
}

function titles(f: JobFamily): Array<[string, number | null]> {
  return f.roles.map((r) => [r.title, r.grade]);
}

describe('corpus: duties a reader finds where the page writes them', () => {
  it('backend/_index.md: Intern and Backend Engineer share the "Backend Engineering Roles" responsibilities', () => {
    const { family } = parse('zy-320d882/content/job-families/engineering/development/backend/_index.md');
    const [intern, engineer] = family.roles;
    expect(intern?.responsibilities[0]).toMatch(/^Develop features and improvements to the GitLab product/);
    expect(engineer?.responsibilities).toEqual(intern?.responsibilities);
  });

  it('account-executive (2022): the page-level "## Responsibilities" above "## Levels" belong to both levels', () => {
    const { family } = parse('ss-0fc05dd/content/job-families/sales/account-executive.md');
    expect(family.roles.map((r) => r.responsibilities.length)).toEqual([7, 7]);
  });

  it('brand-designer.md: bullets under each level heading are its duties; "Responsibilites" is read', () => {
    const { family } = parse('ss-610c577/content/job-families/marketing/brand-designer.md');
    expect(family.roles.map((r) => [r.title, r.responsibilities.length])).toEqual([
      ['Associate Brand Designer', 3],
      ['Intermediate Brand Designer', 3],
      ['Senior Brand Designer', 8],
      ['Staff Brand Designer', 6],
      ['Principal Brand Designer', 9],
      ['Manager, Brand Design', 3],
    ]);
    // "Everything in the Associate Brand Designer role, plus:" is an extends statement.
    expect(family.roles.map((r) => r.extends)).toEqual([
      null, 'Associate Brand Designer', 'Intermediate Brand Designer', 'Senior Brand Designer', 'Staff Brand Designer', 'Senior Brand Designer',
    ]);
  });
});

describe('corpus: a role written at page level before the levels', () => {
  it('community-advocate: "## Role" with "The Community Advocate is a grade 5" is the first role, with its own lists', () => {
    const { family } = parse('ss-1c7f301/content/job-families/marketing/community-advocate/index.md');
    expect(titles(family)).toEqual([
      ['Community Advocate', 5],
      ['Junior Community Advocate', 5],
      ['Senior Community Advocate', 6],
      ['Manager, Community Advocate', 8],
      ['Senior Manager, Community Advocate', 9],
    ]);
    const [base] = family.roles;
    expect([base?.line, base?.responsibilities.length, base?.requirements.length]).toEqual([9, 8, 11]);
    expect(family.requirements).toEqual([]); // they are the Community Advocate's, not shared
  });
});

describe('corpus: files re-read by hand after the table was generated', () => {
  it('security-program-manager: "reports to the Vice President of Security at GitLab" names the VP, not the company', () => {
    const { family } = parse('ss-1c7f301/content/job-families/security/security-program-manager/index.md');
    expect(family.roles.map((r) => r.reportsTo)).toEqual(Array(4).fill('Vice President of Security'));
  });

  it('support-management: Director and VP of Support extend the role below them and state no grade', () => {
    const { family } = parse('mo-2b327b6/content/job-families/engineering/support-management.md');
    expect(family.roles.slice(2).map((r) => [r.title, r.grade, r.extends, r.responsibilities.length])).toEqual([
      ['Director of Support', null, 'Support Engineering Manager', 10],
      ['VP of Support', null, 'Director of Support', 13],
    ]);
  });
});
