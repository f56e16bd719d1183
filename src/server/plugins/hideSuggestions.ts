// With introspection off, an error must not name parts of the schema the client did not write.
// graphql-js ends many messages with its guesses — `Did you mean "totalCount"?`, `Did you mean the
// enum value "FAMILY"?`, `Did you mean "a", "b", or "c"?` — in validation and in variable coercion
// alike. Apollo's hideSchemaDetailsFromClientErrors and armor's field-suggestion mask rewrite
// validation errors only (armor's pattern also misses "the enum value"), so the guess is taken off
// where every error leaves: Apollo's formatError for HTTP, graphql-ws's onError/onNext hooks for
// the socket.
import type { FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { FormatError } from './limitErrors';

/**
 * graphql-js's `didYouMean`: always the end of a message. Everything from the first "Did you mean"
 * on goes, so a client value that itself contains the words cannot shield a guess after it.
 */
const SUGGESTION = /\s*Did you mean\b[\s\S]*$/;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** `inner`, with the guess taken off every message it answers. */
export function hideSuggestions(inner: FormatError): FormatError {
  return (formatted, error) => {
    const out = inner(formatted, error);
    return { ...out, message: withoutSuggestions(out.message) };
  };
}

function formattedWithoutSuggestions(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  const json = 'toJSON' in error && typeof error.toJSON === 'function' ? error.toJSON() : error;
  return { ...json, message: withoutSuggestions(json.message) };
}

/** graphql-ws hooks answering every error of the socket without the guesses. */
export const socketSuggestionHooks = {
  onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]): readonly GraphQLFormattedError[] => errors.map(formattedWithoutSuggestions),
  onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: { errors?: readonly (GraphQLError | GraphQLFormattedError)[] }): FormattedExecutionResult | void => {
    if (!result.errors) return undefined;
    return { ...(result as FormattedExecutionResult), errors: result.errors.map(formattedWithoutSuggestions) };
  },
};
