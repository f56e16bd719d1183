import { buildSnapshot } from '../../src/index/snapshot';
import { commitAt, corpusFile, page, seedPage } from './realPages';

const TPM = 'alliances/technology-partner-manager';
const file = (rel: string) => corpusFile(rel);

describe('buildSnapshot', () => {
  const pages = [
    page(`content/job-families/${TPM}/_index.md`, file(`zy-442bf09/content/job-families/${TPM}/_index.md`)),
    page(`content/job-families/${TPM}/senior.md`, file(`zy-442bf09/content/job-families/${TPM}/senior.md`)),
    page(`content/job-families/${TPM}/manager.md`, file(`zy-e92374a/content/job-families/${TPM}/manager.md`)),
    page('content/job-families/sales/_index.md', file('ss-5a5d220/content/job-families/sales/_index.md')),
    seedPage('vp-of-commercial-sales.md'),
  ];
  const snapshot = buildSnapshot(commitAt(3), pages);

  it('sorts families by slug and keeps the blob of each page', () => {
    expect(snapshot.families.map((f) => f.slug)).toEqual([
      TPM,
      `${TPM}/manager`,
      `${TPM}/senior`,
      'sales',
      'sales/vp-of-commercial-sales',
    ]);
    expect(snapshot.familyBySlug.get('sales/vp-of-commercial-sales')!.blob).toBe(pages[4].blob);
    expect(snapshot.commit.position).toBe(3);
  });

  it('gives level pages their folder family as parent, and nothing else a parent', () => {
    expect(snapshot.familyBySlug.get(TPM)!.kind).toBe('family');
    expect(snapshot.familyBySlug.get(`${TPM}/senior`)!.parentSlug).toBe(TPM);
    expect(snapshot.familyBySlug.get(`${TPM}/manager`)!.parentSlug).toBe(TPM);
    expect(snapshot.familyBySlug.get(TPM)!.parentSlug).toBeNull();
    // The department page is not a family, so it is nobody's parent.
    expect(snapshot.familyBySlug.get('sales')!.kind).toBe('department');
    expect(snapshot.familyBySlug.get('sales/vp-of-commercial-sales')!.parentSlug).toBeNull();
  });

  it('lists every role once, by family then level order', () => {
    const expected = snapshot.families.flatMap((f) => [...f.roles].sort((a, b) => a.order - b.order).map((r) => r.id));
    expect(snapshot.roles.map((r) => r.id)).toEqual(expected);
    expect(snapshot.roleById.get('sales/vp-of-commercial-sales#vp-of-commercial-sales')!.grade).toBe(12);
    expect(snapshot.roles.filter((r) => r.familySlug === 'sales')).toEqual([]);
  });

  it('keeps one page per slug when two path shapes coexist', () => {
    const both = buildSnapshot(commitAt(4), [
      seedPage('vp-of-commercial-sales.md'),
      page('content/job-families/sales/vp-of-commercial-sales/index.md', corpusFile('zy-c46b058/content/job-families/sales/vp-of-commercial-sales.md')),
    ]);
    expect(both.families).toHaveLength(1);
    expect(both.families[0].path).toBe('content/job-families/sales/vp-of-commercial-sales.md');
  });
});
