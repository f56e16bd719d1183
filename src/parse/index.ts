// Public API of the parser layer: the entry point, the slug helpers the index shares, and the types.
export { parseFamily, unreadableFamily, type ParseOptions } from './parseFamily';
export { pageSlug, slugify, isFamilyPath, folderSlugOf, isSectionIndex, relativeToContent } from './slug';
export { resolveFamilyHref } from './ladder';
export { JOB_FAMILY_SUFFIX, titleKey, titleWords } from './titleKey';
export type { JobFamily, Role, ListItem, LadderLink, ParseWarning, PageKind } from './types';
