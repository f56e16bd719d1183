// The plugin on its own: what it does with each kind of operation once Apollo has resolved it.
// Over real HTTP it is pinned by tests/security/operationErrors.test.ts.
import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { noHttpSubscriptionsPlugin } from '../../../src/server/plugins/noHttpSubscriptions';

async function didResolve(source: string): Promise<void> {
  const listener = (await noHttpSubscriptionsPlugin('/graphql').requestDidStart!({} as never)) as GraphQLRequestListener<object>;
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  await listener.didResolveOperation!({ operation } as GraphQLRequestContextDidResolveOperation<object>);
}

it('lets queries and mutations through', async () => {
  await expect(didResolve('{ repository { branch } }')).resolves.toBeUndefined();
  await expect(didResolve('mutation { refresh { head { sha } } }')).resolves.toBeUndefined();
});

it('refuses a subscription with BAD_REQUEST, HTTP 400, naming where subscriptions are served', async () => {
  const refusal = await didResolve('subscription { headChanged { changedRoleIds } }').catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(GraphQLError);
  expect((refusal as GraphQLError).message).toBe('Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP');
  expect((refusal as GraphQLError).extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 400 } });
});
