// The `extensions.code` of each error in an answer, as the client saw it (after formatError, so a
// masked error counts as INTERNAL_SERVER_ERROR, never as whatever it was inside). Shared by the
// error metric, the request log and tracing so all three name an answer's errors alike.
import type { GraphQLResponse } from '@apollo/server';

/** An error without a code (none of ours; a formatter that lets one through) is counted under this. */
export const NO_CODE = 'NO_CODE';

/** One code per error, in answer order (duplicates kept: three NOT_FOUNDs are three errors). */
export function errorCodesOf(response: Pick<GraphQLResponse, 'body'>): string[] {
  const body = response.body;
  const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
  return (errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : NO_CODE));
}
