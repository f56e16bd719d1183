// Full-text search over the roles of a snapshot.
export { createSearchIndex, checkSearchArgs, SEARCH_TEXT_MAX, SEARCH_FIRST_DEFAULT, SEARCH_FIRST_MAX, SEARCH_FUZZY } from './searchIndex';
export type { SearchIndex, SearchOptions } from './searchIndex';
export { searchSnapshot, searchIndexFor } from './searchSnapshot';
export { bestSnippet, trimAround, SNIPPET_MAX } from './snippet';
