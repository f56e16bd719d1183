// urql's core client (`npm i @urql/core graphql`; `urql` for React wraps the same Client). It sends
// queries as GET by default (`preferGetMethod: 'within-url-limit'`), with no preflight header:
// rolegraph answers GET queries as they are.
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';

export function createRolegraphClient(url: string): Client {
  return new Client({ url, exchanges: [cacheExchange, fetchExchange] });
}

export async function roleTitleAndGrade(url: string, id: string): Promise<unknown> {
  const client = createRolegraphClient(url);
  const result = await client
    .query(
      gql`
        query Role($id: ID!) {
          role(id: $id) { id key title grade }
        }
      `,
      { id },
    )
    .toPromise();
  if (result.error) throw result.error;
  return result.data;
}
