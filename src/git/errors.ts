import { CodedError } from '../util';

/** A client ref that is malformed, unknown, or not a commit. */
export class BadRefError extends CodedError {
  readonly code = 'BAD_REF' as const;
}

/** git itself failed (clone, fetch, a broken repository). The message never holds credentials. */
export class GitCommandError extends CodedError {
  readonly code = 'GIT_FAILED' as const;
}
