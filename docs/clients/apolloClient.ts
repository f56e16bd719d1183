// Apollo Client 4 (`npm i @apollo/client graphql rxjs`). It POSTs JSON by default, which rolegraph's
// CSRF prevention accepts; `useGETForQueries` sends queries as GET, which browsers and CDNs can
// cache (mutations stay POST).
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';

export function createRolegraphClient(uri: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, useGETForQueries: true }),
    cache: new InMemoryCache(),
  });
}

export async function roleTitleAndGrade(uri: string, id: string): Promise<unknown> {
  const client = createRolegraphClient(uri);
  const { data } = await client.query({
    query: gql`
      query Role($id: ID!) {
        role(id: $id) { id key title grade }
      }
    `,
    variables: { id },
  });
  return data;
}
