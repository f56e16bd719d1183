// POSTs one operation to rolegraph's own GraphQL endpoint and reads the JSON answer.

/** A failure the page shows as `CODE: message` (a GraphQL `extensions.code`, or one of ours). */
export class LadderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphqlBody<T> {
  data?: T | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

/** The endpoint the server named in its meta tag; same-origin paths only, anything else falls back rather than posting elsewhere. */
function graphqlPath(): string {
  const value = document.querySelector('meta[name="rolegraph-graphql"]')?.getAttribute('content');
  return value && /^\/(?!\/)/.test(value) ? value : '/graphql';
}

export async function postGraphql<T>(query: string, variables: object): Promise<GraphqlBody<T>> {
  const response = await fetch(graphqlPath(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    credentials: 'same-origin',
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!body || typeof body !== 'object') {
    throw new LadderError(`HTTP_${response.status}`, `The server answered ${response.status} without a GraphQL result.`);
  }
  return body as GraphqlBody<T>;
}
