// Public API of the parser layer: the entry point, the slug helpers the index shares, and the types.
export { parseFamily, JOB_FAMILY_SUFFIX, type ParseOptions } from './parseFamily';
export { pageSlug, slugify, isFamilyPath, folderSlugOf, isSectionIndex, relativeToContent } from './slug';
export { resolveFamilyHref } from './ladder';
export type { JobFamily, Role, ListItem, LadderLink, ParseWarning, PageKind } from './types';
