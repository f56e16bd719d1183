// Refs and text from clients, through the real schema, index and git: git options, path
// traversal, NUL bytes, shell syntax and 10 MB strings must come back as BAD_REF or
// BAD_USER_INPUT — no file created, no option honoured, nothing from outside the repo in the answer.
import fs from 'node:fs';
import path from 'node:path';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { buildRolegraphSchema, createContext, formatError } from '../../src/graphql';
import { DIRECTOR, VP_ROLE, assertNoLeaks, indexedRepo, seedCommit, tempDir, type Indexed } from './harness';

let indexed: Indexed;
let schema: GraphQLSchema;
/** Where a honoured option would create its file; made before the cases are listed. */
const markerDir = tempDir('markers');

beforeAll(async () => {
  indexed = await indexedRepo([seedCommit()]);
  schema = await buildRolegraphSchema();
}, 60_000);

afterAll(async () => {
  await indexed?.cleanup();
  fs.rmSync(markerDir, { recursive: true, force: true });
});

/** Runs one operation the way the server does, and formats errors the way clients see them. */
async function run(source: string, variables: Record<string, unknown>): Promise<{ codes: string[]; text: string; result: ExecutionResult }> {
  const result = (await graphql({
    schema,
    source,
    variableValues: variables,
    contextValue: createContext({ indexer: indexed.indexer, isAdmin: false }),
  })) as ExecutionResult;
  const errors = (result.errors ?? []).map((e) => formatError(e.toJSON(), e));
  return { codes: errors.map((e) => String(e.extensions?.code)), text: JSON.stringify({ data: result.data, errors }), result };
}

function hostileRefs(): Array<[label: string, ref: string, marker: string | null]> {
  const m = (name: string): string => path.join(markerDir, name);
  return [
    ['--upload-pack', `--upload-pack=touch ${m('upload-pack')}`, m('upload-pack')],
    ['-c core.sshCommand', `-c core.sshCommand=touch ${m('ssh')}`, m('ssh')],
    ['--output', `--output=${m('output')}`, m('output')],
    ['--exec', `--exec=touch ${m('exec')}`, m('exec')],
    ['shell substitution', `main$(touch ${m('subst')})`, m('subst')],
    ['shell separator', `main;touch ${m('semicolon')}`, m('semicolon')],
    ['path traversal', '../../etc/passwd', null],
    ['tree path', 'HEAD:../../../etc/passwd', null],
    ['NUL byte', `main\0--output=${m('nul')}`, m('nul')],
    ['newline', `main\n--output=${m('newline')}`, m('newline')],
    ['10 MB', 'a'.repeat(10 * 1024 * 1024), null],
  ];
}

const OPERATIONS: Array<[name: string, source: string, vars: (ref: string) => Record<string, unknown>]> = [
  ['role(at)', 'query($id: ID!, $ref: String) { role(id: $id, at: $ref) { title } }', (ref) => ({ id: VP_ROLE, ref })],
  ['family(at)', 'query($slug: String!, $ref: String) { family(slug: $slug, at: $ref) { title } }', (ref) => ({ slug: DIRECTOR, ref })],
  ['commit(ref)', 'query($ref: String!) { commit(ref: $ref) { sha } }', (ref) => ({ ref })],
  ['diff(from)', 'query($ref: String!) { diff(from: $ref, to: "main") { from { sha } } }', (ref) => ({ ref })],
  ['families(at)', 'query($ref: String) { families(at: $ref) { totalCount } }', (ref) => ({ ref })],
];

describe.each(OPERATIONS)('%s', (_name, source, vars) => {
  it.each(hostileRefs())('refuses %s as BAD_REF, running nothing', async (_label, ref, marker) => {
    const { codes, text, result } = await run(source, vars(ref));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(['BAD_REF', 'BAD_USER_INPUT']).toContain(code);
    expect(JSON.stringify(result.data ?? {})).not.toMatch(/root:[^:]*:0:0:/);
    if (marker) expect(fs.existsSync(marker)).toBe(false);
    expect(text.length).toBeLessThan(10_000); // the 10 MB ref is not echoed back
    // The message may quote the client's own ref (which names the marker folder); nothing else of ours.
    assertNoLeaks(text.split(markerDir).join('<client input>'));
  });
});

it('still answers a good ref after all that', async () => {
  const { codes, result } = await run('query($id: ID!) { role(id: $id, at: "main") { grade } }', { id: VP_ROLE });
  expect(codes).toEqual([]);
  expect(result.data).toEqual({ role: { grade: 12 } });
  expect(fs.readdirSync(markerDir)).toEqual([]);
});

it('refuses 10 MB of search text as BAD_USER_INPUT without echoing it', async () => {
  const { codes, text } = await run('query($text: String!) { search(text: $text) { score } }', { text: 'sales '.repeat(2 * 1024 * 1024) });
  expect(codes).toEqual(['BAD_USER_INPUT']);
  expect(text.length).toBeLessThan(10_000);
});

it('treats a traversal in a family slug or role id as a name that is not there', async () => {
  const { codes, result } = await run('query($slug: String!, $id: ID!) { family(slug: $slug) { title } role(id: $id) { title } }', {
    slug: '../../../../etc/passwd',
    id: '../../../../etc/passwd#root',
  });
  for (const code of codes) expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(code);
  expect(JSON.stringify(result.data ?? {})).not.toMatch(/root:[^:]*:0:0:/);
});
