// What the HTTP listeners layered in front of express share: the GraphQL route and the shape of a
// node:http request listener (the answer cache, the request log and tracing each wrap the next one).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const GRAPHQL_PATH = '/graphql';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
