import { connectedRoles, snapshotGraph } from '../../src/index/snapshotGraph';
import { titleKey } from '../../src/parse';
import { corpusPage, seedPage, snapshotOf } from '../helpers/snapshotOf';

// The VP seed's ladder links to the CRO page; backend/senior.md sits in backend/_index.md's folder.
const VP = seedPage('vp-of-commercial-sales.md');
const CRO = corpusPage('zy-1008a37', 'content/job-families/sales/chief-revenue-officer.md');
const BACKEND = corpusPage('zy-320d882', 'content/job-families/engineering/development/backend/_index.md');
const BACKEND_SENIOR = corpusPage('zy-1008a37', 'content/job-families/engineering/development/backend/senior.md');
const VP_ROLE = 'sales/vp-of-commercial-sales#vp-of-commercial-sales';
const CRO_ROLE = 'sales/chief-revenue-officer#chief-revenue-officer';

describe('snapshotGraph', () => {
  const snapshot = snapshotOf([VP, CRO, BACKEND, BACKEND_SENIOR]);

  test('is built once per snapshot', () => {
    expect(snapshotGraph(snapshot)).toBe(snapshotGraph(snapshot));
    expect(snapshotGraph(snapshotOf([VP]))).not.toBe(snapshotGraph(snapshot));
  });

  test('next, previous, outgoing and neighbours agree with the snapshot ladder edges', () => {
    const graph = snapshotGraph(snapshot);
    expect(graph.next.get(VP_ROLE)).toEqual([CRO_ROLE]);
    expect(graph.previous.get(CRO_ROLE)).toEqual([VP_ROLE]);
    expect(graph.outgoing.get(VP_ROLE)).toEqual([{ from: VP_ROLE, to: CRO_ROLE, kind: 'LADDER_LINK' }]);
    expect(graph.neighbours.get(CRO_ROLE)).toEqual([VP_ROLE]);
  });

  test('children by parent slug, roles and families by titleKey', () => {
    const graph = snapshotGraph(snapshot);
    expect(graph.childrenOf.get('engineering/development/backend')?.map((f) => f.slug)).toEqual(['engineering/development/backend/senior']);
    expect(graph.rolesByTitle.get(titleKey('Senior Backend Engineer'))?.map((r) => r.id)).toEqual([
      'engineering/development/backend#senior-backend-engineer',
      'engineering/development/backend/senior#senior-backend-engineer',
    ]);
    expect(graph.familyByTitle.get(titleKey('the Chief Revenue Officer job family'))?.slug).toBe('sales/chief-revenue-officer');
  });

  test('connectedRoles walks edges both ways, through the roles kept', () => {
    expect([...connectedRoles(snapshot, CRO_ROLE)].sort()).toEqual([CRO_ROLE, VP_ROLE]);
    expect([...connectedRoles(snapshot, CRO_ROLE, (role) => role.id !== VP_ROLE)]).toEqual([CRO_ROLE]);
  });
});
