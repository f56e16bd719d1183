import { parseFamily, resolveFamilyHref } from '../../src/parse';

describe('resolveFamilyHref', () => {
  it.each([
    ['/job-families/sales/x/', 'sales/x', null],
    ['/job-families/sales/x', 'sales/x', null],
    ['https://handbook.gitlab.com/job-families/people-group/talent-acquisition-leadership/', 'people-group/talent-acquisition-leadership', null],
    ['https://about.gitlab.com/job-families/sales/x/#senior', 'sales/x', 'senior'],
    ['job-families/security/security-engineer.md', 'security/security-engineer', null],
    ['#manager', '', 'manager'],
  ])('%s', (href, target, anchor) => {
    expect(resolveFamilyHref(href)).toEqual({ target, anchor });
  });

  it('ignores links outside job-families', () => {
    expect(resolveFamilyHref('/handbook/hiring/')).toBeNull();
    expect(resolveFamilyHref('mailto:x@y')).toBeNull();
  });
});

describe('career ladder', () => {
  it('resolves same-family anchors, shortcode refs and unlinked mentions', () => {
    const text = [
      '## Manager, Field Marketing', '', '### Job Grade', '', 'The Manager, Field Marketing is a grade 8.', '',
      '## Career Ladder', '',
      'Move to [Manager](/job-families/marketing/#manager-field-marketing), [CISO]({{< ref "job-families/security/ciso.md" >}}) or into the Sales Management job family.',
    ].join('\n');
    const f = parseFamily('content/job-families/marketing/field-marketing-manager.md', text);
    expect(f.careerLadder).toEqual([
      { text: 'Manager', target: 'marketing/field-marketing-manager', anchor: 'manager-field-marketing', href: '/job-families/marketing/#manager-field-marketing' },
      { text: 'CISO', target: 'security/ciso', anchor: null, href: 'job-families/security/ciso.md' },
      { text: 'Sales Management job family', target: null, anchor: null, href: null },
    ]);
  });
});
