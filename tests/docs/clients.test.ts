// The README's "Clients" snippets (docs/clients/*.ts, quoted there verbatim) run, with the real
// libraries, against a real server on loopback: each reads a role, and the queries travel as the
// README says (GET for all three as configured), through rolegraph's CSRF prevention.
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import * as apolloClient from '../../docs/clients/apolloClient';
import * as graphqlRequest from '../../docs/clients/graphqlRequest';
import * as urql from '../../docs/clients/urql';
import { startHttpServer, type HttpTestServer } from '../helpers/httpServer';
import { seed } from '../helpers/makeRepo';

const ROOT = path.resolve(__dirname, '..', '..');
const SNIPPETS = ['apolloClient.ts', 'urql.ts', 'graphqlRequest.ts'];
const VP_ROLE = 'sales/vp-of-commercial-sales#vp-of-commercial-sales';

let t: HttpTestServer;
/** Method of every request that reached the server, observed beside the app's own listener. */
let requests: string[] = [];

beforeAll(async () => {
  t = await startHttpServer([{ message: 'Add VP of Commercial Sales', files: { 'content/job-families/sales/vp-of-commercial-sales.md': seed('vp-of-commercial-sales.md') } }]);
  // express has rewritten req.url by the time this listener runs (the route strips its mount path).
  t.server.httpServer.on('request', (req: IncomingMessage & { originalUrl?: string }) => requests.push(`${req.method} ${(req.originalUrl ?? req.url)?.split('?')[0]}`));
});

beforeEach(() => {
  requests = [];
});

afterAll(async () => {
  await t?.close();
});

describe('README "Clients"', () => {
  it.each(SNIPPETS)('quotes docs/clients/%s as it is', (name) => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'clients', name), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${text}\`\`\``);
  });
});

// `id` is the role's global id at the commit read (opaque); `key` is the readable one the query named.
const EXPECTED = { role: { __typename: 'Role', id: expect.any(String), key: VP_ROLE, title: 'VP of Commercial Sales', grade: 12 } };
const { __typename: _, ...WITHOUT_TYPENAME } = EXPECTED.role;

describe.each([
  ['Apollo Client', apolloClient.roleTitleAndGrade, EXPECTED],
  ['urql', urql.roleTitleAndGrade, EXPECTED],
  ['graphql-request', graphqlRequest.roleTitleAndGrade, { role: WITHOUT_TYPENAME }],
])('%s', (_name, roleTitleAndGrade, expected) => {
  it('reads a role with a GET query', async () => {
    expect(await roleTitleAndGrade(`${t.base}/graphql`, VP_ROLE)).toEqual(expected);
    expect(requests).toEqual(['GET /graphql']);
  });
});
