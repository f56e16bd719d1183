// End to end: the built schema over the real indexer over real git, on the sample history in
// sampleHandbook.ts (v1 → regrade + new family → move → removal).
import type { GraphQLSchema } from 'graphql';
import { buildRolegraphSchema } from '../../src/graphql';
import type { Indexer } from '../../src/index/types';
import { ADVOCATE, CAE, codes, HV, makeIndexer, makeSampleHandbook, runner, SENIOR_RM, TEAM_LEAD, type Runner, type SampleHandbook } from './sampleHandbook';

let handbook: SampleHandbook;
let indexer: Indexer;
let schema: GraphQLSchema;
let run: Runner;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
  schema = await buildRolegraphSchema();
  run = runner(schema, indexer);
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

const ROLE_AT = /* GraphQL */ `
  query ($id: ID!, $at: String) {
    role(id: $id, at: $at) { key title grade gradeText commit { sha } family { slug } }
  }
`;

describe('reading a role at a ref', () => {
  it('gives the grade as it stood at an old commit and at head', async () => {
    const old = await run(ROLE_AT, { id: TEAM_LEAD, at: 'v1' });
    const head = await run(ROLE_AT, { id: TEAM_LEAD });
    expect(old.errors).toBeUndefined();
    expect(old.data?.role).toMatchObject({ key: TEAM_LEAD, title: 'SMB Advocate Team Lead', grade: 5, gradeText: 'grade 5', commit: { sha: handbook.shas[0] }, family: { slug: HV } });
    expect(head.data?.role).toMatchObject({ grade: 6, gradeText: 'grade 6', commit: { sha: handbook.shas[3] } });
  });

  it('accepts an abbreviated sha and an ISO date as the ref', async () => {
    const bySha = await run(ROLE_AT, { id: TEAM_LEAD, at: handbook.shas[0].slice(0, 10) });
    expect(bySha.data?.role).toMatchObject({ grade: 5 });
    // Commits are a day apart from 2021-01-01; a bare date means the end of that day.
    const byDate = await run(ROLE_AT, { id: TEAM_LEAD, at: '2021-01-01' });
    expect(byDate.data?.role).toMatchObject({ grade: 5, commit: { sha: handbook.shas[0] } });
  });

  it('answers null for a role or family that does not exist there', async () => {
    const result = await run(`{ role(id: "sales/nope#nobody") { key } family(slug: "sales/nope") { slug } gone: family(slug: "${CAE}") { slug } was: family(slug: "${CAE}", at: "${handbook.shas[1]}") { slug } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ role: null, family: null, gone: null, was: { slug: CAE } });
  });

  it('links a role to its family, its neighbours on the ladder and the role it extends', async () => {
    const result = await run(`{ role(id: "${TEAM_LEAD}") { extends { key } previousRoles { key } nextRoles { key } family { roles { key } } } }`);
    expect(result.errors).toBeUndefined();
    const role = result.data?.role as { extends: { key: string }; previousRoles: Array<{ key: string }>; family: { roles: Array<{ key: string }> } };
    expect(role.extends).toEqual({ key: ADVOCATE });
    expect(role.previousRoles.map((r) => r.key)).toContain(ADVOCATE);
    expect(role.family.roles.map((r) => r.key)).toContain(TEAM_LEAD);
  });
});

describe('bad input', () => {
  it('rejects unknown and hostile refs as BAD_REF', async () => {
    for (const at of ['no-such-branch', '--upload-pack=touch /tmp/pwned', 'HEAD~999']) {
      const result = await run(ROLE_AT, { id: TEAM_LEAD, at });
      expect(codes(result)).toEqual(['BAD_REF']);
      expect(result.data?.role).toBeNull();
    }
  });

  it('rejects a page size over 100 as BAD_USER_INPUT', async () => {
    for (const query of ['{ roles(first: 101) { totalCount } }', '{ families(first: 101) { totalCount } }', '{ search(text: "sales", first: 101) { score } }']) {
      expect(codes(await run(query))).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('says NOT_FOUND for an unknown key in roleHistory and careerPaths', async () => {
    expect(codes(await run('{ roleHistory(id: "sales/nope#nobody") { totalCount } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await run(`{ careerPaths(from: "sales/nope#nobody", to: "${TEAM_LEAD}") { steps { key } } }`))).toEqual(['NOT_FOUND']);
  });
});

describe('pagination', () => {
  it('walks roles page by page with opaque cursors and no overlap', async () => {
    const all = await run('{ roles(first: 100) { totalCount edges { node { key } } } }');
    const allIds = (all.data?.roles as { edges: Array<{ node: { key: string } }> }).edges.map((e) => e.node.key);
    expect(allIds.length).toBeGreaterThan(4);

    const PAGE = 'query ($after: String) { roles(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page = await run(PAGE, { after });
      const roles = page.data?.roles as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { key: string } }> };
      expect(roles.totalCount).toBe(allIds.length);
      seen.push(...roles.edges.map((e) => e.node.key));
      if (!roles.pageInfo.hasNextPage) break;
      after = roles.pageInfo.endCursor;
    }
    expect(seen).toEqual(allIds);
  });

  it('rejects a cursor it did not make', async () => {
    expect(codes(await run('{ roles(after: "bm9wZQ==") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('filters roles', async () => {
    const result = await run(`{ roles(filter: { familySlug: "${HV}", gradeMin: 8 }) { edges { node { key grade } } } }`);
    const nodes = (result.data?.roles as { edges: Array<{ node: { key: string; grade: number } }> }).edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.grade >= 8 && n.key.startsWith(`${HV}#`))).toBe(true);
    expect(nodes.map((n) => n.key)).toContain(SENIOR_RM);
  });
});

describe('history and diffs', () => {
  it("lists a role's versions newest first with their change kinds and field changes", async () => {
    const result = await run(`{ roleHistory(id: "${TEAM_LEAD}") { totalCount edges { node { change commit { sha } role { grade } changes { field before after } } } } }`);
    expect(result.errors).toBeUndefined();
    const versions = (result.data?.roleHistory as { edges: Array<{ node: { change: string; commit: { sha: string }; role: { grade: number }; changes: Array<{ field: string; before: string; after: string }> } }> }).edges.map((e) => e.node);
    expect(versions.map((v) => v.change)).toEqual(['MODIFIED', 'ADDED']);
    expect(versions.map((v) => v.commit.sha)).toEqual([handbook.shas[1], handbook.shas[0]]);
    expect(versions.map((v) => v.role.grade)).toEqual([6, 5]);
    const gradeChange = versions[0].changes.find((c) => c.field === 'grade');
    expect(gradeChange).toMatchObject({ before: '5', after: '6' });
  });

  it('shows a removed role as it was, linked to its family before the removal', async () => {
    const result = await run(`{ roleHistory(id: "${CAE}#commercial-account-executive-named") { edges { node { change role { title family { slug } } } } } }`);
    expect(result.errors).toBeUndefined();
    const versions = (result.data?.roleHistory as { edges: Array<{ node: { change: string; role: { title: string; family: { slug: string } } } }> }).edges.map((e) => e.node);
    expect(versions.map((v) => v.change)).toEqual(['REMOVED', 'ADDED']);
    expect(versions[0].role).toEqual({ title: 'Commercial Account Executive - Named', family: { slug: CAE } });
  });

  it('diffs two refs role by role, each side read at its own commit', async () => {
    const result = await run(`{ diff(from: "v1", to: "${handbook.shas[2]}") { from { sha } to { sha } families { slug change } roles { key change before { grade commit { sha } } after { grade commit { sha } } changes { field before after } } } }`);
    expect(result.errors).toBeUndefined();
    const diff = result.data?.diff as {
      from: { sha: string };
      to: { sha: string };
      families: Array<{ slug: string; change: string }>;
      roles: Array<{ key: string; change: string; before: { grade: number; commit: { sha: string } } | null; after: { grade: number; commit: { sha: string } } | null; changes: Array<{ field: string; before: string; after: string }> }>;
    };
    expect(diff.from.sha).toBe(handbook.shas[0]);
    expect(diff.to.sha).toBe(handbook.shas[2]);
    const families = Object.fromEntries(diff.families.map((f) => [f.slug, f.change]));
    expect(families).toMatchObject({ [CAE]: 'ADDED', 'sales/inside-sales-mid-market': 'ADDED', 'sales/director-regional-sales': 'MOVED' });
    const lead = diff.roles.find((r) => r.key === TEAM_LEAD)!;
    expect(lead).toMatchObject({ change: 'MODIFIED', before: { grade: 5, commit: { sha: handbook.shas[0] } }, after: { grade: 6, commit: { sha: handbook.shas[2] } } });
    expect(lead.changes.find((c) => c.field === 'grade')).toMatchObject({ before: '5', after: '6' });
    expect(diff.roles.find((r) => r.key === `${CAE}#commercial-account-executive-named`)).toMatchObject({ change: 'ADDED', before: null });
  });

  it('rejects a diff with a bad ref', async () => {
    expect(codes(await run('{ diff(from: "v1", to: "nope") { roles { key } } }'))).toEqual(['BAD_REF']);
  });

  it('lists the commits that touched one family', async () => {
    const result = await run(`{ commits(path: "${CAE}") { totalCount edges { node { sha shortSha message } } } }`);
    expect(result.errors).toBeUndefined();
    const shas = (result.data?.commits as { edges: Array<{ node: { sha: string; shortSha: string } }> }).edges.map((e) => e.node.sha);
    expect(shas).toEqual([handbook.shas[3], handbook.shas[1]]);
  });
});

describe('commits and families', () => {
  it('resolves a ref to its commit', async () => {
    const result = await run('{ commit(ref: "v1") { sha shortSha author authorEmail message position date } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.commit).toEqual({
      sha: handbook.shas[0],
      shortSha: handbook.shas[0].slice(0, 8),
      author: 'Test Author',
      authorEmail: 'author@example.com',
      message: 'Add sales families',
      position: 0,
      date: '2021-01-01T00:00:00.000Z',
    });
  });

  it('lists the families of a department at a ref', async () => {
    const FAMILIES = 'query ($at: String) { families(department: "sales", kind: FAMILY, at: $at) { totalCount edges { node { slug path commit { sha } } } } }';
    const head = (await run(FAMILIES)).data?.families as { totalCount: number; edges: Array<{ node: { slug: string; path: string } }> };
    expect(head.edges.map((e) => e.node.slug)).toEqual([
      'sales/director-regional-sales',
      HV,
      'sales/inside-sales-mid-market',
      'sales/vp-of-commercial-sales',
    ]);
    expect(head.edges[0].node.path).toBe('content/job-families/sales/director-regional-sales/index.md');
    const v1 = (await run(FAMILIES, { at: 'v1' })).data?.families as { totalCount: number };
    expect(v1.totalCount).toBe(3);
  });
});

describe('repository and refresh', () => {
  it('reports the repository state and head', async () => {
    const result = await run('{ repository { branch status head { sha } commitCount } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.repository).toMatchObject({ branch: 'main', status: 'READY', head: { sha: handbook.shas[3] } });
  });

  it('refuses refresh without admin rights', async () => {
    const result = await run('mutation { refresh { head { sha } } }');
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeNull();
  });
});

describe('ladders, paths, grades, search and validation', () => {
  const RM = `${HV}#regional-manager-smb`;

  it('finds career paths and explains each move', async () => {
    const result = await run(`{ careerPaths(from: "${ADVOCATE}", to: "${SENIOR_RM}") { steps { key grade } transitions { kind gradeDelta from { key } to { key } } } }`);
    expect(result.errors).toBeUndefined();
    const paths = result.data?.careerPaths as Array<{ steps: Array<{ key: string; grade: number }>; transitions: Array<{ kind: string; gradeDelta: number; from: { key: string }; to: { key: string } }> }>;
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.steps[0].key).toBe(ADVOCATE);
      expect(path.steps[path.steps.length - 1].key).toBe(SENIOR_RM);
      expect(path.transitions).toHaveLength(path.steps.length - 1);
      path.transitions.forEach((move, i) => {
        expect(move.from.key).toBe(path.steps[i].key);
        expect(move.to.key).toBe(path.steps[i + 1].key);
        expect(move.gradeDelta).toBe(path.steps[i + 1].grade - path.steps[i].grade);
      });
    }
  });

  it('ranks career paths by grade progression, best first', async () => {
    const result = await run(`{ careerPaths(from: "${ADVOCATE}", to: "${SENIOR_RM}") { rank gradeDrops gradeGain steps { grade } } }`);
    expect(result.errors).toBeUndefined();
    const paths = result.data?.careerPaths as Array<{ rank: number; gradeDrops: number; gradeGain: number; steps: Array<{ grade: number }> }>;
    expect(paths.map((p) => p.rank)).toEqual(paths.map((_, i) => i + 1));
    expect(paths[0].gradeGain).toBe(paths[0].steps[paths[0].steps.length - 1].grade - paths[0].steps[0].grade);
    const drops = paths.map((p) => p.gradeDrops);
    expect(drops).toEqual([...drops].sort((a, b) => a - b));
  });

  it('resolves reportsTo prose to the role it names', async () => {
    const result = await run(`{ role(id: "${TEAM_LEAD}") { reportsTo reportsToRole { key } } }`);
    expect(result.data?.role).toEqual({ reportsTo: 'SMB Regional Manager', reportsToRole: { key: RM } });
  });

  it('draws the ladder around one role, with Mermaid and DOT text', async () => {
    const result = await run(`{ ladder(role: "${TEAM_LEAD}") { nodes { key } edges { kind from { key } to { key } } mermaid dot } }`);
    expect(result.errors).toBeUndefined();
    const ladder = result.data?.ladder as { nodes: Array<{ key: string }>; edges: Array<{ kind: string; from: { key: string }; to: { key: string } }>; mermaid: string; dot: string };
    const ids = ladder.nodes.map((n) => n.key);
    expect(ids).toEqual(expect.arrayContaining([ADVOCATE, TEAM_LEAD, SENIOR_RM]));
    expect(ladder.edges).toContainEqual({ kind: 'LEVEL_ORDER', from: { key: ADVOCATE }, to: { key: TEAM_LEAD } });
    expect(ladder.edges.every((e) => ids.includes(e.from.key) && ids.includes(e.to.key))).toBe(true);
    expect(ladder.mermaid.startsWith('flowchart TD')).toBe(true);
    expect(ladder.dot.startsWith('digraph ladder {')).toBe(true);
    expect(codes(await run('{ ladder(role: "sales/nope#nobody") { mermaid } }'))).toEqual(['NOT_FOUND']);
  });

  it('groups roles by grade, lowest first, as they were at the ref', async () => {
    const GRADES = 'query ($at: String) { grades(at: $at) { level roles { key } } }';
    const levelOf = (grades: Array<{ level: number; roles: Array<{ key: string }> }>, id: string) => grades.find((g) => g.roles.some((r) => r.key === id))?.level;
    const now = (await run(GRADES)).data?.grades as Array<{ level: number; roles: Array<{ key: string }> }>;
    const then = (await run(GRADES, { at: 'v1' })).data?.grades as Array<{ level: number; roles: Array<{ key: string }> }>;
    expect(now.map((g) => g.level)).toEqual([...now.map((g) => g.level)].sort((a, b) => a - b));
    expect(levelOf(now, TEAM_LEAD)).toBe(6);
    expect(levelOf(then, TEAM_LEAD)).toBe(5);
  });

  it('searches roles and rejects an empty search', async () => {
    const result = await run('{ search(text: "team lead", first: 3) { score snippet role { key } } }');
    expect(result.errors).toBeUndefined();
    const hits = result.data?.search as Array<{ score: number; role: { key: string } }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0].role.key).toBe(TEAM_LEAD);
    expect(codes(await run('{ search(text: "  ") { score } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists validation issues with their rule and place', async () => {
    const result = await run('{ validation { ruleId severity message familySlug roleId path line } }');
    expect(result.errors).toBeUndefined();
    const issues = result.data?.validation as Array<{ ruleId: string; severity: string; familySlug: string; path: string }>;
    // The real seed pages break a few of the handbook's own rules, so there is something to list.
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(['ERROR', 'WARNING']).toContain(issue.severity);
      expect(issue.path.startsWith('content/job-families/')).toBe(true);
    }
    expect(codes(await run('{ validation(at: "nope") { ruleId } }'))).toEqual(['BAD_REF']);
  });
});
