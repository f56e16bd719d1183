// Pins the parser layer's public exports: the index and CLI build against exactly these.
import * as parse from '../../src/parse';

describe('src/parse public API', () => {
  it('exports exactly the entry point (and the family of an unreadable page), the slug/link helpers, the title key and the job-family suffix', () => {
    expect(Object.keys(parse).sort()).toEqual(
      ['JOB_FAMILY_SUFFIX', 'folderSlugOf', 'isFamilyPath', 'isSectionIndex', 'pageSlug', 'parseFamily', 'relativeToContent', 'resolveFamilyHref', 'slugify', 'titleKey', 'titleWords', 'unreadableFamily'].sort(),
    );
  });
});
