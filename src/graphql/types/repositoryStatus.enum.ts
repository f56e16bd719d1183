import { registerEnumType } from 'type-graphql';

// The indexer's phases, upper-cased for GraphQL.
export const RepositoryStatus = {
  STARTING: 'starting',
  CLONING: 'cloning',
  INDEXING: 'indexing',
  READY: 'ready',
  REFRESHING: 'refreshing',
  FAILED: 'failed',
} as const;

registerEnumType(RepositoryStatus, {
  name: 'RepositoryStatus',
  description: 'FAILED keeps serving the last good index, when there is one; see lastError.',
  valuesConfig: {
    STARTING: { description: 'The process has started; nothing fetched yet.' },
    CLONING: { description: 'The first clone (or fetch into an existing cache) is under way; no index yet.' },
    INDEXING: { description: 'Commits are being read and pages parsed for the first index.' },
    READY: { description: 'An index is served and current with the last fetch.' },
    REFRESHING: { description: 'A fetch and re-index are under way; the previous index is still served.' },
    FAILED: { description: 'The last clone, fetch or index failed (see lastError); the last good index, if any, is still served.' },
  },
});
