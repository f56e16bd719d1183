import { CodedError } from '../util';

export { BadRefError } from '../git';

export class NotFoundError extends CodedError {
  readonly code = 'NOT_FOUND' as const;
}

export class IndexNotReadyError extends CodedError {
  readonly code = 'INDEX_NOT_READY' as const;
}

export class BadUserInputError extends CodedError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/**
 * `refresh()` while one runs. The indexer does not queue: a caller that may overlap goes through
 * the refresher (src/watch), which is single-flight and coalescing. Not a client code: masked.
 */
export class RefreshRunningError extends CodedError {
  readonly code = 'REFRESH_RUNNING' as const;
}

/** An index whose head holds no job family: a wrong repository or folder, never a silent success. */
export class EmptyIndexError extends CodedError {
  readonly code = 'EMPTY_INDEX' as const;
}
