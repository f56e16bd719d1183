import { ARRAY_NODE, hashOf, OBJECT_NODE, StructureTable } from '../../../src/index/store/structureTable';

describe('StructureTable', () => {
  it('gives an equal node its first id, and any other node its own', () => {
    const table = new StructureTable();
    let next = 100;
    const make = () => next++;
    expect(table.idFor(ARRAY_NODE, [1, 2], null, make)).toBe(100);
    expect(table.idFor(ARRAY_NODE, [1, 2], null, make)).toBe(100);
    expect(table.idFor(ARRAY_NODE, [2, 1], null, make)).toBe(101);
    expect(table.idFor(ARRAY_NODE, [1], null, make)).toBe(102);
    expect(table.idFor(ARRAY_NODE, [], null, make)).toBe(103);
    // Same ids, another kind or other names: another node.
    expect(table.idFor(OBJECT_NODE, [], [], make)).toBe(104);
    expect(table.idFor(OBJECT_NODE, [1, 2], [5, 6], make)).toBe(105);
    expect(table.idFor(OBJECT_NODE, [1, 2], [6, 5], make)).toBe(106);
    expect(table.idFor(OBJECT_NODE, [1, 2], [5, 6], make)).toBe(105);
    table.addIfAbsent(ARRAY_NODE, [1, 2], null, 999); // held already: keeps 100
    expect(table.idFor(ARRAY_NODE, [1, 2], null, make)).toBe(100);
  });

  it('keeps nodes whose hashes collide apart', () => {
    const seen = new Map<number, number>();
    let pair: [number, number] | null = null;
    for (let i = 0; pair === null && i < 1 << 20; i++) {
      const h = hashOf(ARRAY_NODE, [i], null);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, i];
      seen.set(h, i);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair!;
    const table = new StructureTable();
    let next = 0;
    const make = () => next++;
    expect(table.idFor(ARRAY_NODE, [a], null, make)).toBe(0);
    expect(table.idFor(ARRAY_NODE, [b], null, make)).toBe(1);
    expect(table.idFor(ARRAY_NODE, [a], null, make)).toBe(0);
    expect(table.idFor(ARRAY_NODE, [b], null, make)).toBe(1);
  });

  it('grows past its first columns', () => {
    const table = new StructureTable();
    let next = 0;
    for (let i = 0; i < 5000; i++) expect(table.idFor(ARRAY_NODE, [i, i + 1, i + 2], null, () => next++)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(table.idFor(ARRAY_NODE, [i, i + 1, i + 2], null, () => next++)).toBe(i);
    expect(next).toBe(5000);
  });
});
