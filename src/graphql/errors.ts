// The one place where domain errors become GraphQL errors. Lower layers throw CodedErrors
// (BAD_REF, NOT_FOUND, ...); mapFieldErrors wraps every field resolver to turn them into GraphQLErrors carrying that code,
// and `formatError` masks everything else so a client never sees a stack trace or a file path.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CodedError } from '../util';

/** A mutation asked for by someone who is not an admin. */
export class UnauthenticatedError extends CodedError {
  readonly code = 'UNAUTHENTICATED' as const;
}

/**
 * The `refresh` mutation's fetch or index failed: GIT_FAILED when git did (remote gone, branch
 * deleted, bad credentials), REFRESH_FAILED otherwise (disk full). The message is public: redacted,
 * without server paths. The last good index keeps serving.
 */
export class RefreshFailedError extends CodedError {
  constructor(
    message: string,
    readonly code: 'GIT_FAILED' | 'REFRESH_FAILED',
  ) {
    super(message);
  }
}

/** Codes a client may see, with the error's own message. */
const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_REF',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'INDEX_NOT_READY',
]);

/**
 * Codes only some errors may show: a GitCommandError is GIT_FAILED too, and its raw message names
 * server paths, so these pass only when a RefreshFailedError (public message) carries them.
 */
const REFRESH_CODES: ReadonlySet<string> = new Set(['GIT_FAILED', 'REFRESH_FAILED']);

/** Codes Apollo Server itself assigns to a client's mistake (bad syntax, unknown field, bad variable). */
const APOLLO_CLIENT_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_MESSAGE = 'Internal server error';

function isClientCodedError(error: unknown): error is CodedError {
  return error instanceof RefreshFailedError || (error instanceof CodedError && CLIENT_CODES.has(error.code));
}

/** A CodedError with a client code becomes a GraphQLError with that `extensions.code`; anything else is returned untouched. */
export function toGraphQLError(error: unknown): unknown {
  if (isClientCodedError(error)) {
    return new GraphQLError(error.message, { extensions: { code: error.code } });
  }
  return error;
}

/** Walks `originalError` links (GraphQL's located error, Apollo's wrappers) to the error first thrown. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5 && current instanceof GraphQLError && current.originalError; i += 1) {
    current = current.originalError;
  }
  return current;
}

/**
 * Apollo's own refusals of a malformed request that it leaves without a code (a persisted query
 * whose hash is not its text, an unsupported persisted-query version) but answers with HTTP 400:
 * a client's mistake, thrown by Apollo itself (no cause inside), before any field ran (no path).
 */
function isUncodedApolloRequestError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.originalError || error.path !== undefined) return false;
  const { code, http } = error.extensions as { code?: unknown; http?: { status?: unknown } };
  return code === undefined && http?.status === 400;
}

function codeOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'extensions' in value) {
    const ext = (value as { extensions?: Record<string, unknown> }).extensions;
    if (ext && typeof ext.code === 'string') return ext.code;
  }
  return undefined;
}

function kept(formatted: GraphQLFormattedError, code: string, message: string): GraphQLFormattedError {
  const out: { message: string; locations?: GraphQLFormattedError['locations']; path?: GraphQLFormattedError['path']; extensions: Record<string, unknown> } = {
    message,
    extensions: { code },
  };
  if (formatted.locations) out.locations = formatted.locations;
  if (formatted.path) out.path = formatted.path;
  return out;
}

/**
 * Apollo Server `formatError`. Never throws. Keeps deliberate errors (our codes, Apollo's parse and
 * validation errors) with their message and code only — no `stacktrace`, no `exception` — and
 * replaces everything else with a generic internal error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  try {
    const cause = rootCause(error);
    if (isClientCodedError(cause)) return kept(formatted, cause.code, cause.message);
    if (isUncodedApolloRequestError(error)) return kept(formatted, 'BAD_REQUEST', error.message);
    const code = codeOf(formatted) ?? codeOf(error);
    if (code && formatted.path === undefined && APOLLO_CLIENT_CODES.has(code)) {
      // No path: a request-level error (syntax, validation, variable coercion), the client's own doing.
      return kept(formatted, code, formatted.message);
    }
    if (code && (CLIENT_CODES.has(code) || REFRESH_CODES.has(code)) && cause instanceof GraphQLError) {
      // A GraphQLError thrown on purpose in a field (our mapping, or a deliberate BAD_USER_INPUT).
      return kept(formatted, code, formatted.message);
    }
  } catch {
    // fall through to the masked answer
  }
  const masked: GraphQLFormattedError = { message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  try {
    if (formatted?.path) return { ...masked, path: formatted.path };
  } catch {
    // formatted itself is broken; the bare answer is still safe
  }
  return masked;
}
