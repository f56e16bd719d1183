import { Interner } from '../../src/index/intern';
import { parseFamily } from '../../src/parse/parseFamily';
import type { JobFamily } from '../../src/parse/types';
import { seed } from '../helpers/makeRepo';
import { edit } from './realPages';

const PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const V1 = seed('high-velocity-sales-and-first-orders.md');
const V2 = edit(V1, 'The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');

/** What the blob cache holds: the parser's output after a JSON round trip. */
const parsed = (text: string): JobFamily => JSON.parse(JSON.stringify(parseFamily(PATH, text))) as JobFamily;

describe('Interner', () => {
  it('returns deep-equal values, the same object for equal inputs', () => {
    const interner = new Interner();
    const a = interner.intern(parsed(V1));
    expect(a).toEqual(parsed(V1));
    expect(interner.intern(parsed(V1))).toBe(a);
    expect(interner.intern({ x: [1, 'a', null, true, { y: [] }] })).toEqual({ x: [1, 'a', null, true, { y: [] }] });
    // Same values in another shape stay apart.
    expect(interner.intern(['1'])).not.toBe(interner.intern([1]));
    expect(interner.intern({ a: 1, b: 2 })).not.toBe(interner.intern({ b: 2, a: 1 }));
  });

  it('shares the roles a new version did not change, and keeps the changed one apart', () => {
    const interner = new Interner();
    const one = interner.intern(parsed(V1));
    const two = interner.intern(parsed(V2));
    expect(two).not.toBe(one);
    const byId = (f: JobFamily, id: string) => f.roles.find((r) => r.id === id)!;
    const lead = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
    expect(byId(two, lead).grade).toBe(7);
    expect(byId(one, lead).grade).toBe(6);
    expect(byId(two, lead).responsibilities).toBe(byId(one, lead).responsibilities);
    const advocate = 'sales/high-velocity-sales-and-first-orders#smb-advocate';
    expect(byId(two, advocate)).toBe(byId(one, advocate));
    expect(two.careerLadder).toBe(one.careerLadder);
  });

  it('freezes shared values, so a mutation through one version cannot change another', () => {
    const interner = new Interner();
    const family = interner.intern(parsed(V1));
    expect(Object.isFrozen(family.roles)).toBe(true);
    expect(() => (family.roles[0].responsibilities as string[]).push('x')).toThrow(TypeError);
  });
});

describe('Interner.encode / decode', () => {
  it('rebuilds equal, frozen values that later interning shares with', () => {
    const interner = new Interner();
    interner.intern(parsed(V1));
    interner.intern({ n: [1, 2.5, true, null, 'x'] });
    const { values, ids } = interner.encode();
    const loaded = Interner.decode(JSON.parse(JSON.stringify(values)) as unknown[]);
    expect(loaded.size).toBe(interner.size);
    const root = ids.get(interner.intern(parsed(V1)))!;
    const family = loaded.valueAt(root) as JobFamily;
    expect(family).toEqual(parsed(V1));
    expect(Object.isFrozen(family)).toBe(true);
    expect(loaded.intern(parsed(V1))).toBe(family);
    expect(loaded.intern(parsed(V2)).careerLadder).toBe(family.careerLadder);
    expect(loaded.intern({ n: [1, 2.5, true, null, 'x'] })).toEqual({ n: [1, 2.5, true, null, 'x'] });
    expect(loaded.size).toBeGreaterThan(interner.size); // V2's changed role is new
  });

  it('rejects a child id that is not before its parent, and unknown tags', () => {
    expect(() => Interner.decode(['a', [0, 1]])).toThrow(/child id/);
    expect(() => Interner.decode([[7]])).toThrow(/tag/);
    expect(() => Interner.decode([5, [1, 0, 0]])).toThrow();
  });
});
