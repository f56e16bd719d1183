// Pins the parser layer's public exports: the index and CLI build against exactly these.
import * as parse from '../../src/parse';

describe('src/parse public API', () => {
  it('exports exactly the entry point and the slug/link helpers', () => {
    expect(Object.keys(parse).sort()).toEqual(
      ['folderSlugOf', 'isFamilyPath', 'isSectionIndex', 'pageSlug', 'parseFamily', 'relativeToContent', 'resolveFamilyHref', 'slugify'].sort(),
    );
  });
});
