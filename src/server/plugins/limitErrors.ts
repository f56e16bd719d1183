// The errors our limits raise are the client's doing and carry a code it can act on (TIMEOUT), but
// the GraphQL layer's formatter masks every code it does not know. This wraps that formatter so
// limit errors (TIMEOUT, COST_LIMIT) keep their code and fixed message — still nothing else: no stack, no path on disk.
import type { GraphQLFormattedError } from 'graphql';
import { rootCause } from '../../graphql';
import { COST_LIMIT_CODE, CostLimitError } from './costLimit';
import { OperationTimeoutError, TIMEOUT_CODE } from './operationTimeout';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** `formatError` that first lets our limit errors through with their code, then defers to `inner`. */
export function keepLimitErrors(inner: FormatError): FormatError {
  return (formatted, error) => {
    const cause = rootCause(error);
    if (cause instanceof OperationTimeoutError) {
      const out: GraphQLFormattedError = { message: cause.message, extensions: { code: TIMEOUT_CODE } };
      return formatted.path ? { ...out, path: formatted.path } : out;
    }
    if (cause instanceof CostLimitError) {
      // Apollo files it under GRAPHQL_VALIDATION_FAILED; the client needs to know it is the cost.
      return { message: cause.message, locations: formatted.locations, extensions: { code: COST_LIMIT_CODE, cost: cause.report } };
    }
    return inner(formatted, error);
  };
}
