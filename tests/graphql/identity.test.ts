// Object identity end to end on the sample history (sampleHandbook.ts): global ids name an object
// at its commit, node(id:) reads it back there, and the readable key stays what role(id:) takes.
import { buildRolegraphSchema } from '../../src/graphql';
import { commitGlobalId, familyGlobalId, roleChangeGlobalId, roleGlobalId, roleVersionGlobalId } from '../../src/graphql/globalId';
import type { Indexer } from '../../src/index/types';
import { CAE, codes, HV, makeIndexer, makeSampleHandbook, runner, TEAM_LEAD, type Runner, type SampleHandbook } from './sampleHandbook';

let handbook: SampleHandbook;
let indexer: Indexer;
let run: Runner;
let v1: string;
let head: string;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  run = runner(await buildRolegraphSchema(), indexer);
  v1 = handbook.shas[0];
  head = handbook.shas[3];
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

const NODE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Role { key grade commit { sha } family { id slug } }
      ... on JobFamily { slug commit { sha } }
      ... on Commit { sha message }
      ... on RoleVersion { change commit { sha } role { key grade } }
      ... on RoleChange { key change before { grade } after { grade } }
    }
  }
`;

describe('global ids', () => {
  it('name a role at the commit it was read at: two states, two ids; the same state, one id', async () => {
    const result = await run(`{ then: role(id: "${TEAM_LEAD}", at: "v1") { id key grade } now: role(id: "${TEAM_LEAD}") { id key grade } again: role(id: "${TEAM_LEAD}", at: "${head}") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      then: { id: roleGlobalId(TEAM_LEAD, v1), key: TEAM_LEAD, grade: 5 },
      now: { id: roleGlobalId(TEAM_LEAD, head), key: TEAM_LEAD, grade: 6 },
      again: { id: roleGlobalId(TEAM_LEAD, head) },
    });
  });

  it('give families, commits, versions and diff entries ids of their own commit', async () => {
    const result = await run(`{
      family(slug: "${HV}", at: "v1") { id commit { id } }
      roleHistory(id: "${TEAM_LEAD}") { edges { node { id commit { sha } } } }
      a: diff(from: "v1", to: "${handbook.shas[1]}") { roles { id key } }
      b: diff(from: "v1", to: "${head}") { roles { id key } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      family: { id: string; commit: { id: string } };
      roleHistory: { edges: Array<{ node: { id: string; commit: { sha: string } } }> };
      a: { roles: Array<{ id: string; key: string }> };
      b: { roles: Array<{ id: string; key: string }> };
    };
    expect(data.family).toEqual({ id: familyGlobalId(HV, v1), commit: { id: commitGlobalId(v1) } });
    expect(data.roleHistory.edges.map((e) => e.node.id)).toEqual(data.roleHistory.edges.map((e) => roleVersionGlobalId(TEAM_LEAD, e.node.commit.sha)));
    // The Team Lead's regrade appears in both diffs: two different changes, two ids.
    expect(data.a.roles.find((r) => r.key === TEAM_LEAD)?.id).toBe(roleChangeGlobalId(TEAM_LEAD, v1, handbook.shas[1]));
    expect(data.b.roles.find((r) => r.key === TEAM_LEAD)?.id).toBe(roleChangeGlobalId(TEAM_LEAD, v1, head));
  });
});

describe('node(id:)', () => {
  it('reads a role back at the commit its id names, whatever the head is now', async () => {
    const result = await run(NODE, { id: roleGlobalId(TEAM_LEAD, v1) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toEqual({
      __typename: 'Role',
      id: roleGlobalId(TEAM_LEAD, v1),
      key: TEAM_LEAD,
      grade: 5,
      commit: { sha: v1 },
      family: { id: familyGlobalId(HV, v1), slug: HV },
    });
  });

  it('reads back a family, a commit, a role version and a diff entry', async () => {
    const family = await run(NODE, { id: familyGlobalId(CAE, handbook.shas[1]) });
    expect(family.data?.node).toEqual({ __typename: 'JobFamily', id: familyGlobalId(CAE, handbook.shas[1]), slug: CAE, commit: { sha: handbook.shas[1] } });

    const commit = await run(NODE, { id: commitGlobalId(v1) });
    expect(commit.data?.node).toEqual({ __typename: 'Commit', id: commitGlobalId(v1), sha: v1, message: 'Add sales families' });

    const version = await run(NODE, { id: roleVersionGlobalId(TEAM_LEAD, handbook.shas[1]) });
    expect(version.data?.node).toEqual({
      __typename: 'RoleVersion',
      id: roleVersionGlobalId(TEAM_LEAD, handbook.shas[1]),
      change: 'MODIFIED',
      commit: { sha: handbook.shas[1] },
      role: { key: TEAM_LEAD, grade: 6 },
    });

    const change = await run(NODE, { id: roleChangeGlobalId(TEAM_LEAD, v1, head) });
    expect(change.data?.node).toEqual({
      __typename: 'RoleChange',
      id: roleChangeGlobalId(TEAM_LEAD, v1, head),
      key: TEAM_LEAD,
      change: 'MODIFIED',
      before: { grade: 5 },
      after: { grade: 6 },
    });
  });

  it('answers NOT_FOUND for a well-formed id that names nothing here', async () => {
    const gone = roleGlobalId(`${CAE}#commercial-account-executive-named`, head); // retired at head
    const unknownCommit = roleGlobalId(TEAM_LEAD, 'f'.repeat(40));
    const noVersion = roleVersionGlobalId(TEAM_LEAD, handbook.shas[2]); // that commit did not touch it
    for (const id of [gone, unknownCommit, noVersion, commitGlobalId('e'.repeat(40)), familyGlobalId('sales/nope', v1)]) {
      const result = await run(NODE, { id });
      expect(codes(result)).toEqual(['NOT_FOUND']);
      expect(result.data?.node).toBeNull();
    }
  });

  it('answers BAD_USER_INPUT for an id this server did not make', async () => {
    for (const id of [TEAM_LEAD, 'bm90IGFuIGlk', '']) {
      expect(codes(await run(NODE, { id }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('arguments that take a role key', () => {
  it('accept a global Role id and read its key where `at` says', async () => {
    const atV1 = roleGlobalId(TEAM_LEAD, v1);
    const result = await run(`{
      role(id: "${atV1}") { key grade }
      roleHistory(id: "${atV1}") { totalCount }
      careerPaths(from: "${atV1}", to: "${atV1}") { steps { key } }
      ladder(role: "${atV1}") { nodes { key } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as { role: unknown; roleHistory: { totalCount: number }; careerPaths: Array<{ steps: Array<{ key: string }> }>; ladder: { nodes: Array<{ key: string }> } };
    expect(data.role).toEqual({ key: TEAM_LEAD, grade: 6 });
    expect(data.roleHistory.totalCount).toBe(2);
    expect(data.careerPaths.map((p) => p.steps.map((s) => s.key))).toEqual([[TEAM_LEAD]]);
    expect(data.ladder.nodes.map((n) => n.key)).toContain(TEAM_LEAD);
  });
});
