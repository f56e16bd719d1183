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
});
