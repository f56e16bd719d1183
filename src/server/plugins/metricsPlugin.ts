// Apollo Server plugin: times every GraphQL request from its start to its response, labelled by
// operation name (bounded by the metrics object, so client-chosen names cannot explode cardinality).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from '../metrics';

export function createMetricsPlugin<TContext extends BaseContext = BaseContext>(
  metrics: Pick<Metrics, 'observeGraphqlRequest'>,
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
        },
      };
    },
  };
}
