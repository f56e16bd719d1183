import { folderSlugOf, isFamilyPath, pageSlug, slugify } from '../../src/parse';

describe('pageSlug', () => {
  it.each([
    ['content/job-families/sales/account-executive.md', 'sales/account-executive'],
    ['content/job-families/sales/account-executive/index.md', 'sales/account-executive'],
    ['content/job-families/sales/account-executive/index.html.md', 'sales/account-executive'],
    ['source/job-families/sales/account-executive/index.html.md.erb', 'sales/account-executive'],
    ['sites/marketing/source/job-families/sales/account-executive/index.html.md', 'sales/account-executive'],
    ['content/job-families/engineering/development/backend/_index.md', 'engineering/development/backend'],
    ['content/job-families/sales/_index.md', 'sales'],
    ['content/job-families/finance/cao-jf.md', 'finance/cao-jf'],
    ['sales/vp-of-commercial-sales.md', 'sales/vp-of-commercial-sales'],
    ['sites/handbook/source/job-families/sales/account-executive/index.html.md', 'sales/account-executive'],
    ['sites/uncategorized/source/job-families/people/recruiter/index.html.md.erb', 'people/recruiter'],
  ])('%s → %s', (path, slug) => {
    expect(pageSlug(path)).toBe(slug);
  });

  it('uses an explicit content dir', () => {
    expect(pageSlug('handbook/roles/sales/x.md', 'handbook/roles')).toBe('sales/x');
    expect(pageSlug('handbook/roles/sales/x.md', 'handbook/roles/')).toBe('sales/x');
  });
});

describe('folderSlugOf', () => {
  it('names a folder below a department, not the department', () => {
    expect(folderSlugOf('content/job-families/alliances/technology-partner-manager/senior.md')).toBe('alliances/technology-partner-manager');
    expect(folderSlugOf('content/job-families/engineering/development/frontend/manager/index.md')).toBe('engineering/development/frontend');
    expect(folderSlugOf('content/job-families/sales/x.md')).toBeNull();
    expect(folderSlugOf('content/job-families/sales/x/index.md')).toBeNull();
  });
});

describe('isFamilyPath', () => {
  it('accepts the page endings under the content folder only', () => {
    expect(isFamilyPath('content/job-families/sales/x.md')).toBe(true);
    expect(isFamilyPath('content/job-families/sales/x/index.html.md.erb')).toBe(true);
    expect(isFamilyPath('content/job-families/sales/x.png')).toBe(false);
    expect(isFamilyPath('content/handbook/sales/x.md')).toBe(false);
    expect(isFamilyPath('roles/x.md', 'roles')).toBe(true);
  });
});

describe('slugify', () => {
  it.each([
    ['Regional Manager, SMB', 'regional-manager-smb'],
    ['SMB Advocate Team Lead', 'smb-advocate-team-lead'],
    ['Commercial Account Executive - Mid-Market', 'commercial-account-executive-mid-market'],
    ['Field CISO (Senior Director)', 'field-ciso-senior-director'],
    ['Manager, Accounting, Global Consolidation & Reporting', 'manager-accounting-global-consolidation-reporting'],
    ["What it’s like", 'what-its-like'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
