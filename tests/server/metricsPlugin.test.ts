import { ApolloServer } from '@apollo/server';
import { createMetrics } from '../../src/server/metrics';
import { createMetricsPlugin } from '../../src/server/plugins/metricsPlugin';

describe('createMetricsPlugin', () => {
  it('times each request by the operation it ran, anonymous when unnamed', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    // Every clock reading advances 5 ms, so each request lasts exactly one step.
    let t = 0n;
    const clock = () => (t += 5_000_000n);
    const server = new ApolloServer({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'world' } },
      plugins: [createMetricsPlugin(metrics, clock)],
    });
    await server.start();
    try {
      await server.executeOperation({ query: 'query Greeting { hello }' });
      await server.executeOperation({ query: 'query Greeting { hello }' });
      await server.executeOperation({ query: '{ hello }' });
      // A syntax error still answers, and counts, without inventing a name from the request.
      await server.executeOperation({ query: 'query Made { hello', operationName: 'Made' });
    } finally {
      await server.stop();
    }
    const text = await metrics.registry.getSingleMetricAsString('rolegraph_graphql_request_duration_seconds');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_count{operation="Greeting"} 2');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_sum{operation="Greeting"} 0.01');
    expect(text).toContain('rolegraph_graphql_request_duration_seconds_count{operation="anonymous"} 2');
    expect(text).not.toContain('operation="Made"');
  });
});
