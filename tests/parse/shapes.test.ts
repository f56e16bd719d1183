// Page shapes as people write them, one short fixture each (tests/fixtures/shapes/, written to
// imitate real GitLab job-family pages), with the roles a reader sees there spelled out.
import fs from 'node:fs';
import path from 'node:path';
import { parseFamily } from '../../src/parse/parseFamily';
import type { JobFamily } from '../../src/parse/types';

const SHAPES = path.join(__dirname, '..', 'fixtures', 'shapes');

function parse(file: string, as: string): JobFamily {
  return parseFamily(as, fs.readFileSync(path.join(SHAPES, file)));
}

/** [title, grade, responsibilities, requirements, reportsTo, extends] per role, in page order. */
type RoleRow = [string, number | null, number, number, string | null, string | null];

function rows(family: JobFamily): RoleRow[] {
  return family.roles.map((r) => [r.title, r.grade, r.responsibilities.length, r.requirements.length, r.reportsTo, r.extends]);
}

function warningCodes(family: JobFamily): string[] {
  return family.warnings.map((w) => w.code);
}

describe('role sections placed oddly', () => {
  it('parts one level above the role heading belong to that role', () => {
    const family = parse('subsections-above.md', 'content/job-families/sales/solutions-architect.md');
    expect(rows(family)).toEqual([
      ['Solutions Architect', 7, 3, 2, 'Manager, Solutions Architects', null],
      ['Senior Solutions Architect', 8, 3, 1, 'Manager, Solutions Architects', 'Solutions Architect'],
    ]);
    expect(family.requirements).toEqual([]);
    expect(warningCodes(family)).toEqual([]);
  });

  it('parts beside the role heading, named after it, belong to that role', () => {
    const family = parse('subsections-beside.md', 'content/job-families/sales/customer-success-manager.md');
    expect(rows(family)).toEqual([
      ['Customer Success Manager', 6, 3, 2, null, null],
      ['Senior Customer Success Manager', 7, 2, 1, null, null],
    ]);
  });

  it('roles after Performance Indicators, Career Ladder and Hiring Process, and a graded level in Specialties', () => {
    const family = parse('after-ladder.md', 'content/job-families/engineering/technical-writer.md');
    expect(rows(family)).toEqual([
      ['Technical Writer', 6, 2, 1, null, null],
      ['Senior Technical Writer', 7, 2, 1, null, null],
      ['Staff Technical Writer', 8, 2, 0, null, null],
    ]);
    expect(family.careerLadder.map((l) => [l.text, l.target])).toEqual([['Technical Writing Manager', 'engineering/technical-writing-manager']]);
    expect(family.hiringProcess).toHaveLength(3);
    expect(family.performanceIndicators).toEqual(['Documentation pages updated per release']);
  });

  it('### Levels written above ## roles', () => {
    const family = parse('levels-below.md', 'content/job-families/finance/data-analyst.md');
    expect(rows(family)).toEqual([
      ['Junior Data Analyst', 5, 2, 0, null, null],
      ['Data Analyst', 6, 2, 0, null, null],
      ['Senior Data Analyst', 7, 3, 0, null, null],
    ]);
  });

  it('requirements written before responsibilities', () => {
    const family = parse('requirements-first.md', 'content/job-families/finance/payroll-specialist.md');
    expect(family.roles.map((r) => [r.title, r.grade, r.requirements, r.responsibilities.length])).toEqual([
      ['Payroll Specialist', 6, ['3+ years of multi-state US payroll experience', 'Working knowledge of ADP'], 3],
    ]);
  });

  it('family-wide lists before the levels, levels that extend the one below with "plus:"', () => {
    const family = parse('family-wide.md', 'content/job-families/security/security-engineer.md');
    expect(rows(family)).toEqual([
      ['Security Engineer', 6, 2, 0, null, null],
      ['Senior Security Engineer', 7, 2, 0, null, 'Security Engineer'],
      ['Staff Security Engineer', 8, 1, 0, null, 'Senior Security Engineer'],
    ]);
    expect(family.requirements).toEqual(['Experience with application security', 'Ability to use GitLab']);
    expect(family.roles[1]?.responsibilities).toEqual(['Lead the response to security incidents', 'Mentor Security Engineers']);
  });

  it('a page that is one role with no role heading takes its title from the front matter', () => {
    const family = parse('single-role.md', 'content/job-families/legal/chief-legal-officer.md');
    expect(rows(family)).toEqual([['Chief Legal Officer', 15, 2, 1, 'CEO', null]]);
    expect(family.description).toBe("The Chief Legal Officer leads GitLab's legal team.");
  });
});

describe('grades as written', () => {
  it('reads every form, and a grade sentence naming another role still grades its own section', () => {
    const family = parse('grade-forms.md', 'content/job-families/engineering/engineering-management.md');
    expect(family.roles.map((r) => [r.title, r.grade, r.gradeText])).toEqual([
      ['Engineering Manager', 10, 'grade level 10'], // "is a job grade [level 10](…)"
      ['Senior Engineering Manager', 12, '12'], // "is a [12](…)"
      ['Associate Support Engineer', 6, '6'], // "is a [6](…)", no word grade
      ['Intermediate Support Engineer', 7, 'grade #7'],
      ['Support Engineering Manager', 7, 'Grade 7'], // "[Grade 7]((…))"
      ['Director of Support', 12, 'grade 12'], // plain, no link
      ['Manager, Field Marketing', 8, 'grade 8'], // "The {Manager, Field Marketing} is a …"
      ['Senior Manager, Field Marketing', 9, 'grade 9'], // the sentence names "Manager, Field Marketing"
    ]);
    expect(family.warnings.map((w) => [w.code, w.role])).toEqual([['grade-names-other-role', 'Senior Manager, Field Marketing']]);
  });
});

describe('reports to', () => {
  it('keeps an abbreviation inside the title and leaves a trailing (CTO) out', () => {
    const family = parse('reports-to.md', 'content/job-families/sales/engagement-manager.md');
    expect(rows(family)).toEqual([
      ['Engagement Manager', 8, 1, 0, 'Sr. Manager, Engagement Management', null],
      ['VP of Security', 12, 1, 0, 'Chief Technology Officer', null],
    ]);
  });
});

describe('damaged lists', () => {
  it('one item per intended bullet: a lost marker, "-Text", "- - Text", numbered and mixed markers', () => {
    const family = parse('damaged-lists.md', 'content/job-families/engineering/frontend-engineer.md');
    const role = family.roles[0];
    expect(role?.responsibilities).toEqual([
      'Build features in Vue.js across the GitLab product',
      'Work with designers to turn mockups into components',
      'Fix bugs reported by customers',
      'Write tests for the code you ship',
      'Review merge requests of other frontend engineers',
    ]);
    expect(role?.requirements).toEqual([
      'Professional experience with JavaScript',
      'Experience with Vue.js or React',
      'Strong written communication',
      'Ability to use GitLab',
      'Comfortable working asynchronously',
    ]);
    // Line numbers still point into the page as written.
    expect(role?.line).toBe(5);
  });
});

describe('Middleman pages', () => {
  it('front matter with YAML lists, an ERB partial call and a mermaid ladder without links', () => {
    const family = parse('front-matter-lists.html.md.erb', 'sites/marketing/source/job-families/people/recruiter/index.html.md.erb');
    expect(family.slug).toBe('people/recruiter');
    expect(family.frontMatter).toEqual({
      layout: 'job_family_page',
      title: 'Recruiter',
      extra_js: ['libs/mermaid.min.js'],
      extra_css: ['job-families.css'],
    });
    expect(rows(family)).toEqual([
      ['Recruiter', 6, 2, 0, null, null],
      ['Senior Recruiter', 7, 1, 0, null, null],
    ]);
    // The mermaid graph names no page: no link is invented, and no role text comes from it.
    expect(family.careerLadder).toEqual([]);
    expect(family.description).toBeNull();
    expect(family.warnings).toEqual([]);
  });
});
