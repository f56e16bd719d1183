// Subscriptions live on the WebSocket (graphql-ws, same path). Sent over HTTP, Apollo would execute
// one as a plain operation: the subscription field has no resolver for that, so the client got a
// masked INTERNAL_SERVER_ERROR for its own mistake. Refused here once the operation is known,
// before anything runs, as a 400 BAD_REQUEST that says where subscriptions are served.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

export function noHttpSubscriptionsPlugin<TContext extends BaseContext>(graphqlPath: string): ApolloServerPlugin<TContext> {
  const message = `Subscriptions are served over WebSocket (graphql-ws) at ${graphqlPath}, not over HTTP`;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        },
      };
    },
  };
}
