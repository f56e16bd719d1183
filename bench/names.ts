// Vocabulary for synthetic departments, family titles and role levels, shaped after the real
// handbook's folders (`sales`, `engineering`, `people-group`, ...) and titles ("Senior Manager, X").
import type { Rng } from './prng';

export const DEPARTMENTS: readonly string[] = [
  'sales', 'engineering', 'marketing', 'product', 'finance', 'legal-and-corporate-affairs',
  'people-group', 'security', 'support', 'alliances', 'customer-success', 'infrastructure',
  'quality', 'ux', 'data', 'business-technology', 'recruiting', 'channel', 'public-sector', 'operations',
  'communications', 'corporate-development', 'field-operations', 'professional-services',
];

export const BASES: readonly string[] = [
  'Account Executive', 'Solutions Architect', 'Engineer', 'Analyst', 'Program Manager', 'Partner Manager',
  'Designer', 'Product Manager', 'Specialist', 'Consultant', 'Technical Writer', 'Recruiter',
  'Counsel', 'Accountant', 'Strategist', 'Developer Advocate', 'Data Scientist', 'Site Reliability Engineer',
  'Support Engineer', 'Customer Success Manager', 'Sales Development Representative', 'Business Partner',
  'Operations Manager', 'Security Engineer', 'Researcher', 'Technical Account Manager', 'Campaign Manager',
  'Enablement Manager', 'Systems Administrator', 'Paralegal',
];

export const QUALIFIERS: readonly string[] = [
  'Commercial', 'Enterprise', 'Mid-Market', 'SMB', 'Public Sector', 'Inside', 'Field', 'Channel',
  'Technical', 'Strategic', 'Global', 'Regional', 'Backend', 'Frontend', 'Fullstack', 'Database',
  'Distribution', 'Verify', 'Create', 'Plan', 'Secure', 'Monitor', 'Release', 'Package', 'Growth',
  'Fulfillment', 'Revenue', 'Payroll', 'Tax', 'Procurement', 'Compliance', 'Privacy', 'Employment',
  'Total Rewards', 'Talent Acquisition', 'Learning and Development', 'Content', 'Brand', 'Digital',
  'Partner', 'Alliances', 'Cloud', 'Federal', 'EMEA', 'APAC', 'AMER', 'LATAM', 'Japan', 'Community',
  'Open Source', 'Education', 'Analytics', 'Reliability', 'Delivery', 'Dedicated', 'AI', 'Platform',
  'Integrations', 'Ecosystem', 'Corporate', 'Field Marketing', 'Events', 'Social', 'Product Marketing',
];

/** The level ladder; a family holds a contiguous run of it. Grades follow the real ones (5–12). */
export const LEVELS: ReadonlyArray<{ name: (base: string) => string; grade: number }> = [
  { name: (b) => `Associate ${b}`, grade: 5 },
  { name: (b) => b, grade: 6 },
  { name: (b) => `Senior ${b}`, grade: 7 },
  { name: (b) => `Staff ${b}`, grade: 8 },
  { name: (b) => `Principal ${b}`, grade: 9 },
  { name: (b) => `Manager, ${b}`, grade: 8 },
  { name: (b) => `Senior Manager, ${b}`, grade: 9 },
  { name: (b) => `Director, ${b}`, grade: 10 },
  { name: (b) => `Senior Director, ${b}`, grade: 11 },
  { name: (b) => `VP, ${b}`, grade: 12 },
];

export const AUTHORS: ReadonlyArray<{ name: string; email: string }> = [
  { name: 'Sid Sijbrandij', email: 'sid@example.com' },
  { name: 'Jessica Mitchell', email: 'jmitchell@example.com' },
  { name: 'Brittany Rohde', email: 'brohde@example.com' },
  { name: 'Erich Wegscheider', email: 'ewegscheider@example.com' },
  { name: 'Ryan O\'Nell', email: 'ronell@example.com' },
  { name: 'Lien Van Den Steen', email: 'lvandensteen@example.com' },
  { name: 'Marin Jankovski', email: 'marin@example.com' },
  { name: 'Christie Lenneville', email: 'clenneville@example.com' },
];

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A family title not yet used in the department, e.g. "Public Sector Solutions Architect". */
export function newFamilyTitle(rng: Rng, taken: (name: string) => boolean): { title: string; base: string; name: string } {
  for (let attempt = 0; ; attempt += 1) {
    const base = rng.pick(BASES);
    const qualifiers = attempt < 20 ? [rng.pick(QUALIFIERS)] : [rng.pick(QUALIFIERS), rng.pick(QUALIFIERS)];
    const title = `${qualifiers.join(' ')} ${base}`;
    const name = slugify(title);
    if (!taken(name)) return { title, base: title, name };
  }
}
