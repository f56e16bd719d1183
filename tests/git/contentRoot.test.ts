import { ANY_CONTENT_ROOT, contentPathspec, contentRootOf, isUnderContent } from '../../src/git/contentRoot';

describe('contentRootOf', () => {
  it('is the innermost folder named job-families, at any depth', () => {
    expect(contentRootOf('content/job-families/sales/a.md')).toBe('content/job-families');
    expect(contentRootOf('sites/marketing/source/job-families/sales/a/index.html.md')).toBe('sites/marketing/source/job-families');
    expect(contentRootOf('sites/uncategorized/source/job-families/a.html.md.erb')).toBe('sites/uncategorized/source/job-families');
    expect(contentRootOf('job-families/sales/a.md')).toBe('job-families');
    expect(contentRootOf('content/job-families')).toBe('content/job-families');
  });

  it('is null without a folder of exactly that name', () => {
    expect(contentRootOf('content/job-families-old/a.md')).toBeNull();
    expect(contentRootOf('content/handbook/job-families.md')).toBeNull();
    expect(contentRootOf('README.md')).toBeNull();
  });
});

describe('isUnderContent', () => {
  it('takes any root for ANY_CONTENT_ROOT, the configured folder otherwise', () => {
    expect(isUnderContent('source/job-families/sales/a.md', ANY_CONTENT_ROOT)).toBe(true);
    expect(isUnderContent('source/job-families', ANY_CONTENT_ROOT)).toBe(false);
    expect(isUnderContent('source/other/a.md', ANY_CONTENT_ROOT)).toBe(false);
    expect(isUnderContent('handbook/roles/a.md', 'handbook/roles/')).toBe(true);
    expect(isUnderContent('content/job-families/a.md', 'handbook/roles')).toBe(false);
  });
});

describe('contentPathspec', () => {
  it('globs every job-families folder, and reads a configured folder literally', () => {
    expect(contentPathspec(ANY_CONTENT_ROOT)).toBe(':(glob)**/job-families/**');
    expect(contentPathspec('content/job-famil*/')).toBe(':(literal)content/job-famil*');
    expect(() => contentPathspec('../etc')).toThrow('invalid content folder');
  });
});
