import { HashCons, type FlatValues } from '../../../src/index/store/hashCons';
import { familyJson, familyShell } from '../../../src/index/store/familyJson';
import { parseFamily } from '../../../src/parse/parseFamily';
import type { JobFamily } from '../../../src/parse/types';
import { seed } from '../../helpers/makeRepo';
import { edit } from '../realPages';

const PATH = 'content/job-families/sales/high-velocity-sales-and-first-orders.md';
const V1 = seed('high-velocity-sales-and-first-orders.md');
const V2 = edit(V1, 'The SMB Advocate Team Lead is a grade 6.', 'The SMB Advocate Team Lead is a grade 7.');

/** What the blob cache holds: the parser's output after a JSON round trip. */
const parsed = (text: string): JobFamily => JSON.parse(JSON.stringify(parseFamily(PATH, text))) as JobFamily;

describe('HashCons', () => {
  it('returns deep-equal values, the same object for equal inputs', () => {
    const hashCons = new HashCons();
    const a = hashCons.share(parsed(V1));
    expect(a).toEqual(parsed(V1));
    expect(hashCons.share(parsed(V1))).toBe(a);
    expect(hashCons.share({ x: [1, 'a', null, true, { y: [] }] })).toEqual({ x: [1, 'a', null, true, { y: [] }] });
    // Same values in another shape stay apart.
    expect(hashCons.share(['1'])).not.toBe(hashCons.share([1]));
    expect(hashCons.share({ a: 1, b: 2 })).not.toBe(hashCons.share({ b: 2, a: 1 }));
  });

  it('shareListed gives what share of the whole family gives, whether its role texts are new or seen before', () => {
    const listed = new HashCons();
    const whole = new HashCons();
    for (const text of [V1, V2, V1, V2]) {
      const json = familyJson(parseFamily(PATH, text));
      const family = listed.shareListed(familyShell(json), 'roles', json.roles, json.roleKeys);
      expect(family).toEqual(whole.share(parsed(text)));
      expect(family).toBe(listed.share(parsed(text)));
    }
    expect(listed.size).toBe(whole.size);
  });

  it('shareListed refuses texts without one key each', () => {
    const json = familyJson(parseFamily(PATH, V1));
    expect(() => new HashCons().shareListed(familyShell(json), 'roles', json.roles, json.roleKeys.slice(1))).toThrow('one key per text');
  });

  it('shares the roles a new version did not change, and keeps the changed one apart', () => {
    const hashCons = new HashCons();
    const one = hashCons.share(parsed(V1));
    const two = hashCons.share(parsed(V2));
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
    const hashCons = new HashCons();
    const family = hashCons.share(parsed(V1));
    expect(Object.isFrozen(family.roles)).toBe(true);
    expect(() => (family.roles[0].responsibilities as string[]).push('x')).toThrow(TypeError);
  });
});

describe('HashCons.encode / decode', () => {
  /** The flat lists as a table file carries them (through JSON text). */
  const roundTrip = (flat: FlatValues): FlatValues => JSON.parse(JSON.stringify(flat)) as FlatValues;

  it('rebuilds equal, frozen values that later interning shares with', () => {
    const hashCons = new HashCons();
    hashCons.share(parsed(V1));
    hashCons.share({ n: [1, 2.5, true, null, 'x'] });
    const { flat, ids } = hashCons.encode();
    expect(flat.primitives).toEqual(expect.arrayContaining([1, 2.5, true, null]));
    const loaded = HashCons.decode(roundTrip(flat));
    expect(loaded.size).toBe(hashCons.size);
    // A decoded table encodes back to itself (its structure keys are built on first need).
    expect(HashCons.decode(roundTrip(flat)).encode().flat).toEqual(flat);
    const root = ids.get(hashCons.share(parsed(V1)))!;
    const family = loaded.valueAt(root) as JobFamily;
    expect(family).toEqual(parsed(V1));
    expect(Object.isFrozen(family)).toBe(true);
    expect(loaded.share(parsed(V1))).toBe(family);
    expect(loaded.share(parsed(V2)).careerLadder).toBe(family.careerLadder);
    expect(loaded.share({ n: [1, 2.5, true, null, 'x'] })).toEqual({ n: [1, 2.5, true, null, 'x'] });
    // The keys rebuilt from the table are the ones interning makes: equal input, the decoded value itself.
    expect(loaded.share({ n: [1, 2.5, true, null, 'x'] })).toBe(loaded.valueAt(ids.get(hashCons.share({ n: [1, 2.5, true, null, 'x'] }))!));
    expect(loaded.share([[], {}, [null], [false], 2.5])).toEqual([[], {}, [null], [false], 2.5]);
    expect(loaded.size).toBeGreaterThan(hashCons.size); // V2's changed role is new
  });

  it('encodes in chunks exactly what it encodes whole', () => {
    const hashCons = new HashCons();
    hashCons.share(parsed(V1));
    hashCons.share(parsed(V2));
    const whole = hashCons.encode().flat;
    const encoder = hashCons.encoder();
    const strings = [...encoder.strings(7)];
    const nodes = [...encoder.nodes(5)];
    expect(strings.length).toBeGreaterThan(1);
    expect(nodes.length).toBeGreaterThan(1);
    expect({ strings: strings.flat(), primitives: encoder.primitives(), nodes: nodes.flat() }).toEqual(whole);
  });

  it('shares and encodes after releaseKeys as before it: the keys come back from the values', () => {
    const hashCons = new HashCons();
    const family = hashCons.share(parsed(V1));
    const numbers = hashCons.share({ n: [1, 2.5, true, null, 'x'] });
    const before = hashCons.encode().flat;
    hashCons.releaseKeys();
    // Encoding needs no structure keys (a build writes its table after letting them go).
    expect(hashCons.encode().flat).toEqual(before);
    expect(hashCons.share(parsed(V1))).toBe(family);
    expect(hashCons.share({ n: [1, 2.5, true, null, 'x'] })).toBe(numbers);
    expect(hashCons.share(parsed(V2)).careerLadder).toBe(family.careerLadder);
    const after = hashCons.encode().flat;
    expect(after.strings.slice(0, before.strings.length)).toEqual(before.strings);
    expect(after.primitives.slice(0, before.primitives.length)).toEqual(before.primitives);
    expect(after.nodes.slice(0, before.nodes.length)).toEqual(before.nodes);
  });

  it('rejects a child id that is not before its parent, unknown codes, lists that do not match, and a __proto__ key', () => {
    const table = (nodes: number[], strings: string[] = ['a'], primitives: FlatValues['primitives'] = []): FlatValues => ({ strings, primitives, nodes });
    expect(() => HashCons.decode(table([3, 0, 1, 1]))).toThrow(/child id/);
    expect(() => HashCons.decode(table([7]))).toThrow(/tag/);
    expect(() => HashCons.decode(table([3, 3]))).toThrow(/string/);
    expect(() => HashCons.decode(table([]))).toThrow(/lists/);
    expect(() => HashCons.decode(table([2], []))).toThrow(/primitive/);
    expect(() => HashCons.decode(table([3, 0, 5, 0]))).toThrow(/node/);
    expect(() => HashCons.decode(table([3, 3, 1, 1, 0, 1], ['__proto__', 'x']))).toThrow(/key/);
    expect(() => HashCons.decode(table([3, 3], ['a', 'a']))).toThrow(/repeated/);
    expect(() => HashCons.decode(table([3, -1]))).toThrow(/node/);
    expect(HashCons.decode(table([3, 3, 1, 1, 0, 1], ['k', 'v'])).valueAt(2)).toEqual({ k: 'v' });
    // A name twice in one object: a table this encoder cannot have written.
    expect(() => HashCons.decode(table([3, 3, 1, 2, 0, 1, 0, 1], ['k', 'v']))).toThrow(/key/);
    // Names an object's prototype also has are its own data, as the parser made them.
    const own = HashCons.decode(table([3, 3, 1, 1, 0, 1], ['constructor', 'v'])).valueAt(2) as Record<string, unknown>;
    expect(Object.hasOwn(own, 'constructor')).toBe(true);
    expect(own.constructor).toBe('v');
  });

  it('encodes a table of more strings than a call can take as arguments', () => {
    const hashCons = new HashCons();
    const texts = Array.from({ length: 200_000 }, (_, i) => `text ${i}`);
    hashCons.share(texts);
    const { flat } = hashCons.encode();
    expect(flat.strings).toHaveLength(200_000);
    expect(HashCons.decode(flat).valueAt(200_000)).toEqual(texts);
  });
});
