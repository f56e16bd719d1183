// The rename fields through the schema, on the rename history (tests/index/renameHistory.ts):
// formerKeys, roleHistory by an old id, role at an old id before the retitle, previousKey, item blame,
// and a diff's moved family with both slugs.
import { ADDED_BULLET, CSM, DX_MOVED, DX_OLD, DX_RETITLED, EDITED_TO, TAM, makeRenameHistory } from '../index/renameHistory';
import { indexedHistory } from './sampleHandbook';

const history = indexedHistory(makeRenameHistory);

it('says what a role was called before, as of each commit', async () => {
  const result = await history.run(`{ now: role(id: "${DX_MOVED}") { formerKeys } mid: role(id: "${DX_RETITLED}", at: "${history.shas[3]}") { formerKeys } first: role(id: "${DX_OLD}", at: "${history.shas[0]}") { title formerKeys } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    now: { formerKeys: [DX_OLD, DX_RETITLED] },
    mid: { formerKeys: [DX_OLD] },
    first: { title: 'Director of Digital Experience', formerKeys: [] },
  });
});

it('answers roleHistory of the old id with the chain, each version naming the id it had before', async () => {
  const query = (id: string) => `{ roleHistory(id: "${id}") { edges { node { change previousKey role { key } changes { field } } } } }`;
  const [byOld, byNew] = await Promise.all([history.run(query(TAM)), history.run(query(CSM))]);
  expect(byOld.errors).toBeUndefined();
  expect(byOld.data).toEqual(byNew.data);
  const nodes = (byNew.data?.roleHistory as { edges: Array<{ node: { change: string; previousKey: string | null; role: { key: string } } }> }).edges.map((e) => e.node);
  expect(nodes.map((n) => [n.change, n.previousKey, n.role.key])).toEqual([
    ['MOVED', TAM, CSM],
    ['MODIFIED', null, TAM],
    ['ADDED', null, TAM],
  ]);
});

it('blames every responsibility and requirement bullet with the commit it appeared in and its last edit', async () => {
  const result = await history.run(`{ role(id: "${CSM}") { responsibilityItems { text since { sha } lastChanged { sha } } requirementItems { since { sha } } } }`);
  expect(result.errors).toBeUndefined();
  const role = result.data?.role as { responsibilityItems: Array<{ text: string; since: { sha: string }; lastChanged: { sha: string } }>; requirementItems: Array<{ since: { sha: string } }> };
  const blame = Object.fromEntries(role.responsibilityItems.map((i) => [i.text, [i.since.sha, i.lastChanged.sha]]));
  expect(blame[ADDED_BULLET.slice(2)]).toEqual([history.shas[1], history.shas[1]]);
  expect(blame[EDITED_TO.slice(2)]).toEqual([history.shas[0], history.shas[2]]);
  expect(blame['Maintain a deep understanding of the customer\'s business objectives and technology stack']).toEqual([history.shas[0], history.shas[0]]);
  expect(role.requirementItems.map((i) => i.since.sha)).toEqual([history.shas[0], history.shas[0], history.shas[0], history.shas[0]]);
});

it('shows a family moved to another folder in a diff with its slug on both sides', async () => {
  const result = await history.run(`{ diff(from: "${history.shas[0]}", to: "${history.shas[4]}") { families { slug beforeSlug afterSlug change before { slug } after { slug } } roles { key change before { key } } } }`);
  expect(result.errors).toBeUndefined();
  const diff = result.data?.diff as { families: unknown[]; roles: Array<{ key: string; change: string; before: { key: string } }> };
  expect(diff.families).toContainEqual({
    slug: 'product/digital-experience',
    beforeSlug: 'engineering/digital-experience',
    afterSlug: 'product/digital-experience',
    change: 'MOVED',
    before: { slug: 'engineering/digital-experience' },
    after: { slug: 'product/digital-experience' },
  });
  expect(diff.roles.find((r) => r.key === DX_MOVED)).toEqual({ key: DX_MOVED, change: 'MOVED', before: { key: DX_OLD } });
});
