// Expectations written by hand from reading tests/fixtures/seeds/*.md: the roles a careful reader sees,
// their grades and how many top-level bullets each section has.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFamily } from '../../src/parse';
import type { JobFamily } from '../../src/parse';

import { FIXTURES_DIR } from '../helpers/makeRepo';

const SEEDS = join(FIXTURES_DIR, 'seeds');

function seed(name: string): JobFamily {
  return parseFamily(`content/job-families/sales/${name}.md`, readFileSync(join(SEEDS, `${name}.md`)));
}

type Expect = [title: string, grade: number | null, responsibilities: number, requirements: number];

function summary(f: JobFamily): Expect[] {
  return f.roles.map((r) => [r.title, r.grade, r.responsibilities.length, r.requirements.length]);
}

describe('seed high-velocity-sales-and-first-orders.md', () => {
  const f = seed('high-velocity-sales-and-first-orders');

  it('has six H2 roles with their grades (grade 6 plain, "grade level 8") and bullet counts', () => {
    expect(f.slug).toBe('sales/high-velocity-sales-and-first-orders');
    expect(f.department).toBe('sales');
    expect(f.kind).toBe('family');
    expect(f.title).toBe('High Velocity Sales and First Orders');
    expect(summary(f)).toEqual<Expect[]>([
      ['SMB Advocate', 6, 9, 9],
      ['SMB Advocate Team Lead', 6, 9, 6],
      ['Regional Manager, SMB', 8, 10, 13],
      ['Senior Regional Manager, SMB', 9, 6, 6],
      ['New Logo Account Executive', 6, 13, 13],
      ['New Logo Sales Manager', 8, 13, 16],
    ]);
    expect(f.roles.map((r) => r.id)).toEqual([
      'sales/high-velocity-sales-and-first-orders#smb-advocate',
      'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead',
      'sales/high-velocity-sales-and-first-orders#regional-manager-smb',
      'sales/high-velocity-sales-and-first-orders#senior-regional-manager-smb',
      'sales/high-velocity-sales-and-first-orders#new-logo-account-executive',
      'sales/high-velocity-sales-and-first-orders#new-logo-sales-manager',
    ]);
    expect(f.roles.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(f.roles[2]?.gradeText).toBe('grade level 8');
    expect(f.roles[1]?.gradeText).toBe('grade 6');
    expect(f.warnings).toEqual([]);
  });

  it('keeps nested bullets as children and reduces links to their text', () => {
    const advocate = f.roles[0]!;
    const technical = advocate.responsibilityItems[4]!;
    expect(technical.text).toBe('Provide technical and solution guidance:');
    expect(technical.children.map((c) => c.text)).toEqual([
      'Answer customer inquiries, conduct product demonstrations, and explain the capabilities and benefits of GitLab',
      'Provide insights with respect to the availability and applicability of new features in GitLab as relevant',
    ]);
    expect(advocate.responsibilities[4]).toBe('Provide technical and solution guidance:');
  });

  it('reads reports-to and extends from the prose', () => {
    const [advocate, lead, manager, senior, , logoManager] = f.roles;
    expect(advocate?.reportsTo).toBeNull();
    expect(lead?.reportsTo).toBe('SMB Regional Manager');
    expect(lead?.extends).toBe('SMB Advocate');
    expect(manager?.reportsTo).toBe('Senior Director, High Velocity Sales & First Orders');
    expect(senior?.extends).toBe('Regional Manager, SMB');
    expect(logoManager?.reportsTo).toBe('Sr Sales Director');
  });

  it('turns the performance shortcode into a family marker and links the ladder', () => {
    expect(f.performanceIndicators).toEqual(['job-families/sales/performance']);
    expect(JSON.stringify(f)).not.toContain('{{');
    expect(f.careerLadder).toEqual([
      { text: 'Mid Market Account Executive', target: 'sales/account-executive', anchor: null, href: '/job-families/sales/account-executive' },
    ]);
  });
});

describe('seed commercial-account-executive.md', () => {
  const f = seed('commercial-account-executive');

  it('recovers the first role heading that the front matter swallowed ("##": ...)', () => {
    expect(summary(f)).toEqual<Expect[]>([
      ['Commercial Account Executive - Mid-Market', 7, 8, 10],
      ['Commercial Account Executive - Named', 7, 7, 0],
    ]);
    expect(f.frontMatter).toEqual({ title: 'Commercial Account Executive Job Family' });
    expect(f.warnings.map((w) => [w.code, w.line])).toEqual([['front-matter-heading', 5]]);
    expect(f.roles[0]?.responsibilityItems[2]?.children).toHaveLength(7);
  });

  it('keeps the H2 performance indicators, ladder and hiring process at family level', () => {
    expect(f.performanceIndicators).toEqual([
      'As with all roles in the Sales Department the Strategic Account Executive participates in the Sales KPIs.',
    ]);
    expect(f.roles.every((r) => r.performanceIndicators.length === 0)).toBe(true);
    expect(f.careerLadder.map((l) => l.target)).toEqual(['sales/enterprise-account-executive', 'sales/area-sales-manager']);
    expect(f.hiringProcess).toEqual([
      'Qualified candidates receive a short questionnaire from our Global Recruiters',
      'Selected candidates will be invited to the following',
    ]);
  });
});

describe('seed director-regional-sales.md (single role at top level)', () => {
  const f = seed('director-regional-sales');

  it('is one role titled from RoleName with grade 10', () => {
    expect(summary(f)).toEqual<Expect[]>([['Director, Regional Sales', 10, 12, 19]]);
    expect(f.roles[0]?.id).toBe('sales/director-regional-sales#director-regional-sales');
    expect(f.roles[0]?.performanceIndicators).toHaveLength(1);
  });

  it('repairs the mojibake in the description', () => {
    expect(f.roles[0]?.description[0]).toContain('influence GitLab’s overall success');
    expect(JSON.stringify(f)).not.toContain('â€');
  });

  it('takes the H3 hiring process and both ladder links', () => {
    expect(f.hiringProcess).toHaveLength(4);
    expect(f.careerLadder.map((l) => [l.text, l.target])).toEqual([
      ['VP, Enterprise Sales', 'sales/vp-enterprise-sales'],
      ['VP, MM and SMB Sales', 'sales/vp-of-commercial-sales'],
    ]);
  });
});

describe('seed inside-sales-mid-market.md (no grade)', () => {
  const f = seed('inside-sales-mid-market');

  it('is one role with no grade and a grade-missing warning', () => {
    expect(summary(f)).toEqual<Expect[]>([['Inside Sales, Mid-Market', null, 7, 12]]);
    expect(f.roles[0]?.gradeText).toBeNull();
    expect(f.warnings.map((w) => w.code)).toEqual(['grade-missing']);
    expect(f.roles[0]?.reportsTo).toBe('Worldwide Director of Commercial Mid-Market');
  });

  it('keeps the unlinked ladder mention as text with no target', () => {
    expect(f.careerLadder).toEqual([{ text: 'SMB Account Executive job family', target: null, anchor: null, href: null }]);
  });
});

describe('seed vp-of-commercial-sales.md', () => {
  const f = seed('vp-of-commercial-sales');

  it('takes the role title from RoleName, keeps the page title (typo included)', () => {
    expect(f.title).toBe('Vice President of Commerical Sales (Mid-Market and SMB)');
    expect(summary(f)).toEqual<Expect[]>([['VP of Commercial Sales', 12, 8, 13]]);
    expect(f.roles[0]?.reportsTo).toBe('Chief Revenue Officer');
    expect(f.roles[0]?.description).toHaveLength(3);
    expect(f.performanceIndicators).toEqual(['job-families/sales/performance']);
    expect(f.roles[0]?.requirements[12]).toBe('Ability to travel if needed and comply with the company’s travel policy');
  });
});
