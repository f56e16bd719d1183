// Apollo Server plugin: times every GraphQL request from its start to its response, labelled by
// operation name (bounded by the metrics object, so client-chosen names cannot explode cardinality),
// and counts the errors of every answer by code, including requests Apollo refused before they
// started (a CSRF refusal, a body that is no GraphQL request).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from '../metrics';
import { errorCodesOf } from './errorCodes';

/** What Apollo's own refusals carry when they carry no code of their own. */
const BAD_REQUEST = 'BAD_REQUEST';

export function createMetricsPlugin<TContext extends BaseContext = BaseContext>(
  metrics: Pick<Metrics, 'observeGraphqlRequest' | 'countGraphqlErrors'>,
  clock: () => bigint = () => process.hrtime.bigint(),
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const startedAt = clock();
      return {
        async willSendResponse(ctx) {
          const seconds = Number(clock() - startedAt) / 1e9;
          // ctx.operationName is the operation actually chosen from the document (null when it is
          // anonymous or the document did not parse), so unknown names sent by clients never count.
          metrics.observeGraphqlRequest(ctx.operationName, seconds);
          metrics.countGraphqlErrors(errorCodesOf(ctx.response));
        },
      };
    },
    async invalidRequestWasReceived({ error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      metrics.countGraphqlErrors([typeof code === 'string' ? code : BAD_REQUEST]);
    },
  };
}
