// Public API of the index layer: the indexer that owns the served view, the store behind it (its
// cache folder), the pure functions over snapshots (diff, career paths, ladder), and the contract
// types and errors.
export { createIndexer, DEFAULT_CONTENT_DIR, type IndexerOptions, type IndexerWithStats } from './indexer';
export { buildIndexView, SNAPSHOT_CACHE_SIZE, type ViewOptions, type ViewSource } from './view';
export { createIndexStore, type IndexStore, type IndexStoreOptions, type PageStore, type StoredPage, type StoreSource } from './store/indexStore';
export { BlobCache, PARSER_VERSION, type BlobCacheOptions, type BlobCacheStats, type PageRef } from './store/blobCache';
export type { SharedParseTier } from './store/sharedParseTier';
export { diff, roleFieldChanges } from './diff';
export { familyFieldChanges } from './fieldChanges';
export { careerPaths, nextRoles, previousRoles, MAX_CAREER_PATHS } from './careerPaths';
export { rankCareerPaths, type RankedCareerPath } from './rankCareerPaths';
export { searchSnapshot, SEARCH_FIRST_MAX } from './search';
export { validateSnapshot, formatIssuesText, LINT_RULES } from './lint';
export { buildLadderEdges, entryRole, levelOrder } from './ladder';
export { ladderToDot, ladderToMermaid } from './ladderExport';
export { selectLadder, departmentOf, type LadderSelection } from './ladderSelection';
export { compareLadder, changesInView, summariseLadderChanges, LADDER_ASPECTS, type LadderChange, type LadderChangeAspect } from './ladderCompare';
export { ladderPicture, type LadderGroup, type LadderGroupEdge, type LadderGroupKind, type LadderLevel, type LadderPicture } from './ladderPicture';
export { snapshotGraph, connectedRoles, type SnapshotGraph } from './snapshotGraph';
export { extendedRole, roleByTitle } from './roleByTitle';
export { buildSnapshot, parentSlugOf, type PageVersion } from './snapshot';
export { resolveClientRef, dateRefInstant, MAX_CLIENT_REF_LENGTH } from './resolveClientRef';
export { BadRefError, BadUserInputError, IndexNotReadyError, NotFoundError, RefreshRunningError } from './errors';
export type * from './types';
