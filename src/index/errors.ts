import { CodedError } from '../util/codedError';

export { BadRefError } from '../git/errors';

export class NotFoundError extends CodedError {
  readonly code = 'NOT_FOUND' as const;
}

export class IndexNotReadyError extends CodedError {
  readonly code = 'INDEX_NOT_READY' as const;
}

export class BadUserInputError extends CodedError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/** An index whose head holds no job family: a wrong repository or folder, never a silent success. */
export class EmptyIndexError extends CodedError {
  readonly code = 'EMPTY_INDEX' as const;
}
