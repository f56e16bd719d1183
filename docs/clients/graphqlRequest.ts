// graphql-request 7 (`npm i graphql-request graphql`). It POSTs JSON by default; `method: 'GET'`
// sends every request as GET, so use it for a client that only queries (mutations need POST).
import { GraphQLClient, gql } from 'graphql-request';

export function createRolegraphClient(url: string): GraphQLClient {
  return new GraphQLClient(url, { method: 'GET' });
}

export async function roleTitleAndGrade(url: string, id: string): Promise<unknown> {
  const client = createRolegraphClient(url);
  return client.request(
    gql`
      query Role($id: ID!) {
        role(id: $id) { id key title grade }
      }
    `,
    { id },
  );
}
