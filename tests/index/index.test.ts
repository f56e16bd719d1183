// Pins the public API of the index layer: other layers import these names.
import * as api from '../../src/index';

it('exports exactly the public index API', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'BadRefError',
      'BadUserInputError',
      'BlobCache',
      'DEFAULT_CONTENT_DIR',
      'IndexNotReadyError',
      'LINT_RULES',
      'SEARCH_FIRST_MAX',
      'formatIssuesText',
      'rankCareerPaths',
      'searchSnapshot',
      'validateSnapshot',
      'MAX_CAREER_PATHS',
      'MAX_CLIENT_REF_LENGTH',
      'NotFoundError',
      'PARSER_VERSION',
      'RefreshRunningError',
      'SNAPSHOT_CACHE_SIZE',
      'buildIndexView',
      'buildLadderEdges',
      'buildSnapshot',
      'careerPaths',
      'createIndexStore',
      'createIndexer',
      'dateRefInstant',
      'diff',
      'entryRole',
      'familyFieldChanges',
      'levelOrder',
      'nextRoles',
      'parentSlugOf',
      'previousRoles',
      'resolveClientRef',
      'roleFieldChanges',
      'connectedRoles',
      'extendedRole',
      'ladderToDot',
      'ladderToMermaid',
      'roleByTitle',
      'selectLadder',
      'snapshotGraph',
    ].sort(),
  );
  expect(typeof api.createIndexer).toBe('function');
  expect(new api.BadRefError('x').code).toBe('BAD_REF');
});
