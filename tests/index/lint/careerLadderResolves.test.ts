import { nextRoles } from '../../../src/index';
import { careerLadderResolves } from '../../../src/index/lint';
import { corpusPage, edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');
const CRO = corpusPage(
  'zy-1008a37',
  'content/job-families/sales/chief-revenue-officer.md',
);

describe('career-ladder-resolves', () => {
  test('ok: the VP ladder links to the CRO family, present in the handbook', () => {
    expect(careerLadderResolves.check(snapshotOf([VP, CRO])).filter((i) => i.familySlug === 'sales/vp-of-commercial-sales')).toEqual([]);
  });

  test('not ok: the same link without the CRO page', () => {
    expect(careerLadderResolves.check(snapshotOf([VP]))).toEqual([
      {
        ruleId: 'career-ladder-resolves',
        severity: 'WARNING',
        message:
          'career ladder links to "sales/chief-revenue-officer" ("Chief Revenue Officer"), which is not a family in this handbook',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: null,
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: 1,
      },
    ]);
  });

  test('unlinked prose resolves by family title, or is flagged', () => {
    const inside = seedPage('inside-sales-mid-market.md');
    expect(careerLadderResolves.check(snapshotOf([inside])).map((i) => i.message)).toEqual([
      'career ladder names "SMB Account Executive job family", which matches no family title',
    ]);
    // The same sentence naming a family that exists, by its title.
    const named = edit(inside, 'the SMB Account Executive job family', 'the Chief Revenue Officer job family');
    const snapshot = snapshotOf([named, CRO]);
    expect(snapshot.families.map((f) => f.title)).toContain('Chief Revenue Officer');
    expect(careerLadderResolves.check(snapshot).filter((i) => i.familySlug === 'sales/inside-sales-mid-market')).toEqual([]);
  });

  test('a mention in the other word order ("Manager, Field Marketing") resolves, for the rule and the ladder alike', () => {
    const inside = edit(seedPage('inside-sales-mid-market.md'), 'the SMB Account Executive job family', 'the Manager, Field Marketing job family');
    // The corpus page is titled "Field Marketing Manager Roles"; the family title this test needs is the plain one.
    const fmm = edit(
      corpusPage('mo-b7d7406', 'content/job-families/marketing/field-marketing-manager.md'),
      'title: "Field Marketing Manager Roles"',
      'title: "Field Marketing Manager"',
    );
    const snapshot = snapshotOf([inside, fmm]);
    expect(careerLadderResolves.check(snapshot).filter((i) => i.familySlug === 'sales/inside-sales-mid-market')).toEqual([]);
    const from = snapshot.familyBySlug.get('sales/inside-sales-mid-market')!.roles[0]!;
    expect(nextRoles(snapshot, from.id)).toContain('marketing/field-marketing-manager#associate-field-marketing-manager');
  });
});
