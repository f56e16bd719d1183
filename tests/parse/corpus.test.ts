// Every real file of the corpus (path inside versions/<label>/ = its repository path). The table gives,
// per file, the page kind and the grade of each role in order (null = the page states none for it);
// it was checked against the files by reading them. Tricky files get exact titles below.
// Re-reading 15 of the generated rows by hand found two wrong (community-advocate, support-management);
// the files re-read and what they showed are pinned in corpusReread.test.ts.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFamily } from '../../src/parse';
import type { JobFamily } from '../../src/parse';
import { CORPUS_DIR } from '../helpers/makeRepo';

const VERSIONS = join(CORPUS_DIR, 'versions');

function parse(rel: string): { family: JobFamily; text: string } {
  const text = readFileSync(join(VERSIONS, rel), 'utf8');
  return { family: parseFamily(rel.slice(rel.indexOf('/') + 1), Buffer.from(text, 'utf8')), text };
}

const TABLE: Array<[file: string, kind: 'family' | 'department', grades: Array<number | null>]> = [
  ['mo-14924e0/content/job-families/legal-and-corporate-affairs/director-legal-us/index.md', 'family', [10,11]],
  ['mo-2235b7c/content/job-families/sales/account-executive.md', 'family', [7,7]],
  ['mo-2b327b6/content/job-families/engineering/support-management.md', 'family', [8,9,null,null]],
  ['mo-5b8227b/content/job-families/legal-and-corporate-affairs/chief-legal-officer.md', 'family', [null]],
  ['mo-b7d7406/content/job-families/marketing/field-marketing-manager.md', 'family', [5,6,7,8,8,9]],
  ['ss-0246753/content/job-families/people-group/recruiter.md', 'family', [6,null,5,7,8,8,9,10,11]],
  ['ss-05b588a/content/job-families/engineering/development/management/senior-director/index.md', 'family', [11]],
  ['ss-05b588a/content/job-families/marketing/editor/index.md', 'family', [5,6,7,8,9]],
  ['ss-05b588a/content/job-families/people-group/total-rewards/index.md', 'family', [5,6,7,7,8,5,6,7,7,8,8,9,10]],
  ['ss-05b588a/content/job-families/product/product-operations/index.md', 'family', [null,null]],
  ['ss-05b588a/content/job-families/security/vulnerability-management/index.md', 'family', [6,7,8]],
  ['ss-0fc05dd/content/job-families/product/pricing.md', 'family', [6,7,9.5,10]],
  ['ss-0fc05dd/content/job-families/sales/account-executive.md', 'family', [7,7]],
  ['ss-15ffd40/content/job-families/engineering/development/backend/senior/index.html.md', 'family', [7]],
  ['ss-15ffd40/content/job-families/finance/accountant/index.html.md', 'family', [6,7,8,9]],
  ['ss-15ffd40/content/job-families/finance/expense-specialist/index.html.md', 'family', [5]],
  ['ss-15ffd40/content/job-families/marketing/brand-designer/index.html.md', 'family', [5,6,7,8,9,8]],
  ['ss-15ffd40/content/job-families/people-group/recruiter/index.html.md', 'family', [6,null,5,7,8,8,9,10,11]],
  ['ss-15ffd40/content/job-families/sales/capture/index.html.md', 'family', [8]],
  ['ss-15ffd40/content/job-families/sales/inside-sales-mid-market/index.html.md', 'family', [null]],
  ['ss-1c7f301/content/job-families/engineering/development/frontend/manager/index.md', 'family', [8]],
  ['ss-1c7f301/content/job-families/finance/corporate-controller/international-accounting/index.md', 'family', [8,10,11]],
  ['ss-1c7f301/content/job-families/finance/expense-specialist/index.md', 'family', [5]],
  ['ss-1c7f301/content/job-families/marketing/community-advocate/index.md', 'family', [5,5,6,8,9]],
  ['ss-1c7f301/content/job-families/people-group/team-member-relations/index.md', 'family', [5,6,7,8,10]],
  ['ss-1c7f301/content/job-families/product/vp-product/index.md', 'family', [null]],
  ['ss-1c7f301/content/job-families/sales/capture/index.md', 'family', [8]],
  ['ss-1c7f301/content/job-families/security/security-governance/index.md', 'family', [6,7,8,9]],
  ['ss-1c7f301/content/job-families/security/security-program-manager/index.md', 'family', [6,7,8,9]],
  ['ss-33bd975/content/job-families/sales/account-executive/index.md', 'family', [7,7]],
  ['ss-417c431/content/job-families/finance/corporate-controller/_index.md', 'family', [10,11,12]],
  ['ss-47a06ee/content/job-families/security/field-ciso.md', 'family', [11]],
  ['ss-5a5d220/content/job-families/people-group/_index.md', 'department', []],
  ['ss-5a5d220/content/job-families/sales/_index.md', 'department', []],
  ['ss-5a5d220/content/job-families/security/_index.md', 'department', []],
  ['ss-610c577/content/job-families/marketing/brand-designer.md', 'family', [5,6,7,8,9,8]],
  ['ss-b3ea6f5/content/job-families/finance/_index.md', 'department', []],
  ['ss-b3ea6f5/content/job-families/marketing/_index.md', 'department', []],
  ['ss-cd3fd39/content/job-families/sales/account-executive/index.html.md.erb', 'family', [7,7]],
  ['ss-cd3fd39/content/job-families/sales/area-sales-manager/index.html.md.erb', 'family', [8,9,9]],
  ['ss-cd3fd39/content/job-families/sales/chief-revenue-officer/index.html.md.erb', 'family', [null]],
  ['ss-cd3fd39/content/job-families/sales/enterprise-account-executive/index.html.md.erb', 'family', [8,8,8,8,8]],
  ['zy-05498ef/content/job-families/chief-executive-officer/internal-strategy-intern.md', 'family', [null]],
  ['zy-05498ef/content/job-families/chief-information-security-officer/chief-information-security-officer.md', 'family', [null]],
  ['zy-05498ef/content/job-families/engineering/monitoring-manager.md', 'family', [null]],
  ['zy-05498ef/content/job-families/engineering/software-engineer-intern.md', 'family', [null]],
  ['zy-05498ef/content/job-families/finance/chief-financial-officer.md', 'family', [null]],
  ['zy-1008a37/content/job-families/engineering/development/backend/senior.md', 'family', [7]],
  ['zy-1008a37/content/job-families/sales/chief-revenue-officer.md', 'family', [null]],
  ['zy-1008a37/content/job-families/sales/vp-enterprise-sales.md', 'family', [12]],
  ['zy-129309b/content/job-families/sales/regional-sales-director.md', 'family', [10]],
  ['zy-129309b/content/job-families/sales/smb-account-executive.md', 'family', [6,6,6,8]],
  ['zy-1485909/content/job-families/expert/merge-request-coach.md', 'family', [null]],
  ['zy-16a2d30/content/job-families/engineering/fellow.md', 'family', [12]],
  ['zy-16a2d30/content/job-families/sales/area-sales-manager.md', 'family', [8,9,9]],
  ['zy-1e8ae48/content/job-families/finance/chief-of-staff-to-the-cfo.md', 'family', [11]],
  ['zy-1e8ae48/content/job-families/sales/success-service-management.md', 'family', [9,9,10]],
  ['zy-320d882/content/job-families/engineering/development/backend/_index.md', 'family', [5,6,7,8]],
  ['zy-442bf09/content/job-families/alliances/technology-partner-manager/_index.md', 'family', []],
  ['zy-442bf09/content/job-families/alliances/technology-partner-manager/senior.md', 'family', [7]],
  ['zy-5ade544/content/job-families/sales/enterprise-account-executive.md', 'family', [8,8,8,8,8]],
  ['zy-7a6a65d/content/job-families/finance/cao-jf.md', 'family', [12]],
  ['zy-bac3937/content/job-families/sales/account-executive.md', 'family', [7,7,7,7]],
  ['zy-c46b058/content/job-families/alliances/alliances-manager.md', 'family', [5,6,7,8,9]],
  ['zy-c46b058/content/job-families/sales/vice-president-global-enterprise-sales.md', 'family', [12]],
  ['zy-c46b058/content/job-families/sales/vp-of-commercial-sales.md', 'family', [12]],
  ['zy-cc78573/content/job-families/engineering/cloud-native-engineer.md', 'family', [null]],
  ['zy-e92374a/content/job-families/alliances/technology-partner-manager/manager.md', 'family', [8]],
  ['zy-eaf3832/content/job-families/engineering/acting-cos-to-the-cto.md', 'family', [null]],
  ['zy-eaf3832/content/job-families/engineering/general-manager-meltano.md', 'family', [10]],
  ['zy-eaf3832/content/job-families/finance/accountant.md', 'family', [6,6,7,8,9]],
];

/** A grade as pages write it (`grade 7`, `grade [8]`, `is a [10]`, table cells `| 8 |`). */
const STATES_A_GRADE = /grade\s*\[?(?:level\s+)?\d|is a \[\d|\|\s*\[?(?:grade\s+)?\d+\]?[^|\n]*\|/i;

describe('corpus: every file', () => {
  it.each(TABLE)('%s parses to its kind and grades', (file, kind, grades) => {
    const { family, text } = parse(file);
    expect(family.title.trim()).not.toBe('');
    expect(family.kind).toBe(kind);
    expect(family.roles.map((r) => r.grade)).toEqual(grades);
    if (kind === 'department') expect(family.roles).toEqual([]);
    if (kind === 'family' && !file.endsWith('technology-partner-manager/_index.md')) expect(family.roles.length).toBeGreaterThan(0);
    if (STATES_A_GRADE.test(text) && family.roles.length > 0) expect(family.roles.some((r) => r.grade !== null)).toBe(true);
    expect(JSON.stringify(family)).not.toMatch(/\{\{[<%]|<%=|â€/);
    expect(family.warnings.filter((w) => w.code === 'parse-failed')).toEqual([]);
  });

  it('covers every file of the corpus', () => {
    const manifest = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
    expect(TABLE).toHaveLength(manifest.length);
  });
});

function titles(f: JobFamily): Array<[string, number | null]> {
  return f.roles.map((r) => [r.title, r.grade]);
}

describe('corpus: tricky files, exact roles', () => {
  it('backend/_index.md: levels under "## Job Grades", intro and specialties are not roles', () => {
    const { family } = parse('zy-320d882/content/job-families/engineering/development/backend/_index.md');
    expect(family.slug).toBe('engineering/development/backend');
    expect(family.department).toBe('engineering');
    expect(family.folderSlug).toBe('engineering/development');
    expect(titles(family)).toEqual([
      ['Intern, Backend Engineer', 5],
      ['Backend Engineer', 6],
      ['Senior Backend Engineer', 7],
      ['Staff Backend Engineer', 8],
    ]);
    // The "Backend Engineering Roles at GitLab" requirements are shared by every level.
    expect(family.requirements.length).toBe(25);
    // "The Junior Backend Engineer is a grade 5" under the Intern heading: the grade is the Intern's, with a warning.
    expect(family.warnings.filter((w) => w.code === 'grade-names-other-role').map((w) => w.message)).toEqual([
      'the grade sentence of "Intern, Backend Engineer" names "Junior Backend Engineer"',
    ]);
    // Specialties after the hiring process and the intro section are read as documented, without a warning.
    expect(family.warnings.filter((w) => w.code === 'not-a-role')).toEqual([]);
  });

  it('backend/senior.md: one role; "## Levels" is a bullet list and specialties are not roles', () => {
    const { family } = parse('zy-1008a37/content/job-families/engineering/development/backend/senior.md');
    expect(titles(family)).toEqual([['Senior Backend Engineer', 7]]);
    expect(family.roles[0]?.requirements).toHaveLength(16);
  });

  it('team-member-relations: H4 level heading under "### Career Ladder", copy-paste grade sentence flagged', () => {
    const { family } = parse('ss-1c7f301/content/job-families/people-group/team-member-relations/index.md');
    expect(titles(family)).toEqual([
      ['Team Member Relations Specialist', 5],
      ['Team Member Relations Partner', 6],
      ['Senior Team Member Relations Partner', 7],
      ['Manager, Team Member Relations', 8],
      ['Director, Team Member Relations', 10],
    ]);
    expect(family.warnings.filter((w) => w.code === 'grade-names-other-role').map((w) => w.role)).toEqual(['Team Member Relations Specialist']);
  });

  it('total-rewards: grades from sentences agree with the <br> table; group requirements stay family-level', () => {
    const { family } = parse('ss-05b588a/content/job-families/people-group/total-rewards/index.md');
    expect(titles(family)).toEqual([
      ['Benefits Coordinator', 5],
      ['Benefits Analyst', 6],
      ['Senior Benefits Analyst', 7],
      ['Senior Benefits Program Manager', 7],
      ['Manager, Benefits', 8],
      ['Compensation Coordinator', 5],
      ['Compensation Analyst', 6],
      ['Senior Compensation Analyst', 7],
      ['Senior Compensation Program Manager', 7],
      ['Compensation Partner', 8],
      ['Manager, Compensation', 8],
      ['Senior Manager, Total Rewards', 9],
      ['Director, Total Rewards', 10],
    ]);
  });

  it('success-service-management: a role with no grade sentence takes it from the [Grade 9] table cell', () => {
    const { family } = parse('zy-1e8ae48/content/job-families/sales/success-service-management.md');
    expect(titles(family)).toEqual([
      ['Manager, Success Services', 9],
      ['Senior Manager, Success Services', 9],
      ['Director, Success Services', 10],
    ]);
    expect(family.roles[0]?.gradeText).toBe('grade level 9');
  });

  it('chief-of-staff-to-the-cfo: "grade 11 or a grade 12" and responsibilities written as plain lines', () => {
    const { family } = parse('zy-1e8ae48/content/job-families/finance/chief-of-staff-to-the-cfo.md');
    const [role] = family.roles;
    expect(titles(family)).toEqual([['Chief of Staff to the CFO', 11]]);
    expect(role?.gradeText).toBe('grade 11 or a grade 12');
    expect(role?.responsibilities).toHaveLength(10);
    expect(role?.responsibilities[0]).toBe('Lead and execute on urgent and strategic key projects for the CFO and Finance organization');
    expect(role?.requirements).toHaveLength(15);
    expect(role?.reportsTo).toBe('Chief Financial Officer');
  });

  it('pricing.md: grade 9.5', () => {
    const { family } = parse('ss-0fc05dd/content/job-families/product/pricing.md');
    expect(titles(family)).toEqual([
      ['Pricing Analyst', 6],
      ['Senior Pricing Analyst', 7],
      ['Principal Pricing Manager', 9.5],
      ['Director of Pricing', 10],
    ]);
  });

  it('international-accounting: "grade [8]." with no link and bare "is a [10]"', () => {
    const { family } = parse('ss-1c7f301/content/job-families/finance/corporate-controller/international-accounting/index.md');
    expect(titles(family)).toEqual([
      ['Manager, Accounting, Global Consolidation & Reporting', 8],
      ['Director, International Accounting', 10],
      ['Senior Director, International Accounting', 11],
    ]);
    expect(family.roles[1]?.gradeText).toBe('10');
  });

  it('field-ciso: the level under a grouping heading, "The role is a [grade 11]"', () => {
    const { family } = parse('ss-47a06ee/content/job-families/security/field-ciso.md');
    expect(titles(family)).toEqual([['Field CISO (Senior Director)', 11]]);
    expect(JSON.stringify(family)).not.toContain('{{');
  });

  it('recruiter.md: Intern is "not aligned to a job grade"; specialties are not roles', () => {
    const { family } = parse('ss-0246753/content/job-families/people-group/recruiter.md');
    expect(titles(family)).toEqual([
      ['Recruiter (Intermediate)', 6],
      ['Intern', null],
      ['Associate', 5],
      ['Senior', 7],
      ['Lead', 8],
      ['Manager', 8],
      ['Senior Manager', 9],
      ['Director', 10],
      ['Senior Director, Talent Acquisition', 11],
    ]);
    expect(family.roles[1]?.requirements.length).toBeGreaterThan(0); // from "##### About you"
    expect(family.careerLadder[0]?.target).toBe('people-group/talent-acquisition-leadership');
  });

  it('vp-enterprise-sales: one role; "## Territories" variants are not roles', () => {
    const { family } = parse('zy-1008a37/content/job-families/sales/vp-enterprise-sales.md');
    expect(titles(family)).toEqual([['VP of Enterprise Sales', 12]]);
    expect(family.careerLadder).toEqual([{ text: 'VP, Global Enterprise Job Family', target: null, anchor: null, href: null }]);
  });

  it('security-governance: bare "is a [6]" grades', () => {
    const { family } = parse('ss-1c7f301/content/job-families/security/security-governance/index.md');
    expect(family.roles.map((r) => r.grade)).toEqual([6, 7, 8, 9]);
  });

  it('brand-designer.md: intro section shared, "Bonus" is not a role', () => {
    const { family } = parse('ss-610c577/content/job-families/marketing/brand-designer.md');
    expect(family.roles.map((r) => r.title)).not.toContain('Bonus');
    expect(family.roles.map((r) => r.title)).not.toContain('Brand Designer');
    expect(family.requirements.length).toBeGreaterThan(0);
  });

  it('_index.md pages: bare department vs family whose levels are sibling files', () => {
    const sales = parse('ss-5a5d220/content/job-families/sales/_index.md').family;
    expect([sales.kind, sales.slug, sales.roles.length]).toEqual(['department', 'sales', 0]);
    const tpm = parse('zy-442bf09/content/job-families/alliances/technology-partner-manager/_index.md').family;
    expect([tpm.kind, tpm.slug, tpm.roles.length]).toEqual(['family', 'alliances/technology-partner-manager', 0]);
    expect(tpm.performanceIndicators.length).toBeGreaterThan(0);
    const senior = parse('zy-442bf09/content/job-families/alliances/technology-partner-manager/senior.md').family;
    expect(senior.folderSlug).toBe('alliances/technology-partner-manager');
  });
});
