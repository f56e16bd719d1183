import { careerPaths, nextRoles, previousRoles } from '../../src/index/careerPaths';
import { entryRole, levelOrder } from '../../src/index/ladder';
import { buildSnapshot } from '../../src/index/snapshot';
import { commitAt, corpusFile, edit, page, seedPage } from './realPages';

// Real pages whose career-ladder sections point at each other: by link (commercial AE → enterprise
// AE and sales management, director → VP commercial → CRO) and by unlinked prose (enterprise AE →
// "Sales Management job family", the title of area-sales-manager.md).
const pages = [
  seedPage('commercial-account-executive.md'),
  seedPage('director-regional-sales.md'),
  seedPage('vp-of-commercial-sales.md'),
  page('content/job-families/sales/enterprise-account-executive.md', corpusFile('zy-5ade544/content/job-families/sales/enterprise-account-executive.md')),
  page('content/job-families/sales/area-sales-manager.md', corpusFile('zy-16a2d30/content/job-families/sales/area-sales-manager.md')),
  page('content/job-families/sales/chief-revenue-officer.md', corpusFile('zy-1008a37/content/job-families/sales/chief-revenue-officer.md')),
];
const snapshot = buildSnapshot(commitAt(0), pages);

const CAE_MM = 'sales/commercial-account-executive#commercial-account-executive-mid-market';
const CAE_NAMED = 'sales/commercial-account-executive#commercial-account-executive-named';
const EAE = 'sales/enterprise-account-executive#';
const ASM_ASSOCIATE = 'sales/area-sales-manager#associate-area-sales-manager';
const ASM_INTERMEDIATE = 'sales/area-sales-manager#area-sales-manager-intermediate';
const ASM_SENIOR = 'sales/area-sales-manager#senior-area-sales-manager';
const DIRECTOR = 'sales/director-regional-sales#director-regional-sales';
const VP = 'sales/vp-of-commercial-sales#vp-of-commercial-sales';
const CRO = 'sales/chief-revenue-officer#chief-revenue-officer';

const edgesOf = (kind: string) =>
  snapshot.ladderEdges.filter((e) => e.kind === kind).map((e) => `${e.from} -> ${e.to}`);

describe('ladder edges', () => {
  it('orders levels by grade, ties by document order', () => {
    const asm = snapshot.familyBySlug.get('sales/area-sales-manager')!;
    expect(levelOrder(asm.roles).map((r) => r.id)).toEqual([ASM_ASSOCIATE, ASM_INTERMEDIATE, ASM_SENIOR]);
    expect(entryRole(asm)!.id).toBe(ASM_ASSOCIATE);
    // Every enterprise AE level is grade 8: the entry role is the first in the document.
    expect(entryRole(snapshot.familyBySlug.get('sales/enterprise-account-executive')!)!.id).toBe(`${EAE}associate-strategic-account-executive`);
  });

  it('links consecutive levels of a family', () => {
    const level = edgesOf('LEVEL_ORDER');
    expect(level).toContain(`${ASM_ASSOCIATE} -> ${ASM_INTERMEDIATE}`);
    expect(level).toContain(`${ASM_INTERMEDIATE} -> ${ASM_SENIOR}`);
    expect(level).toContain(`${CAE_MM} -> ${CAE_NAMED}`);
    expect(level.filter((e) => e.startsWith(EAE))).toHaveLength(4);
  });

  it('resolves career-ladder links by slug and unlinked mentions by family title, to the entry role', () => {
    const links = edgesOf('LADDER_LINK');
    expect(links.filter((e) => e.startsWith(CAE_MM))).toEqual([
      `${CAE_MM} -> ${EAE}associate-strategic-account-executive`,
      `${CAE_MM} -> ${ASM_ASSOCIATE}`,
    ]);
    expect(links).toContain(`${DIRECTOR} -> ${VP}`);
    expect(links).toContain(`${VP} -> ${CRO}`);
    // "move to the Sales Management job family" (no link) from each of the five enterprise AE levels.
    expect(links.filter((e) => e.startsWith(EAE) && e.endsWith(ASM_ASSOCIATE))).toHaveLength(5);
    // Links to families that are not in the snapshot (vp-enterprise-sales, regional-sales-director) make no edge.
    expect(links.some((e) => e.includes('vp-enterprise-sales') || e.includes('regional-sales-director'))).toBe(false);
  });
});

describe('careerPaths', () => {
  it('finds the shortest path across families', () => {
    expect(careerPaths(snapshot, DIRECTOR, CRO)).toEqual([[DIRECTOR, VP, CRO]]);
    expect(careerPaths(snapshot, CAE_MM, ASM_SENIOR)).toEqual([[CAE_MM, ASM_ASSOCIATE, ASM_INTERMEDIATE, ASM_SENIOR]]);
  });

  it('returns every shortest path when there are several, up to the limit', () => {
    // The director's ladder names two VP families; give VP Enterprise an unlinked mention of the CRO
    // family (its real text names a family not in this snapshot) so both VPs lead to the CRO.
    const vpe = page(
      'content/job-families/sales/vp-enterprise-sales.md',
      edit(
        corpusFile('zy-1008a37/content/job-families/sales/vp-enterprise-sales.md'),
        'move to the VP, Global Enterprise Job Family',
        'move to the Chief Revenue Officer Job Family',
      ),
    );
    const wider = buildSnapshot(commitAt(1), [...pages, vpe]);
    const VPE = 'sales/vp-enterprise-sales#' + vpe.family.roles[0].id.split('#')[1];
    expect(careerPaths(wider, DIRECTOR, CRO)).toEqual([
      [DIRECTOR, VPE, CRO],
      [DIRECTOR, VP, CRO],
    ]);
    expect(careerPaths(wider, DIRECTOR, CRO, 1)).toHaveLength(1);
  });

  it('is empty for unknown roles, unreachable roles and a zero limit', () => {
    expect(careerPaths(snapshot, CRO, DIRECTOR)).toEqual([]);
    expect(careerPaths(snapshot, 'sales/nope#nope', CRO)).toEqual([]);
    expect(careerPaths(snapshot, DIRECTOR, CRO, 0)).toEqual([]);
    expect(careerPaths(snapshot, CRO, CRO)).toEqual([[CRO]]);
  });

  it('gives next and previous roles', () => {
    expect(nextRoles(snapshot, DIRECTOR)).toEqual([VP]);
    expect(previousRoles(snapshot, CRO)).toEqual([VP]);
    expect([...previousRoles(snapshot, VP)]).toEqual([DIRECTOR]);
    expect(nextRoles(snapshot, 'sales/nope#nope')).toEqual([]);
  });
});
