import { createConnectionCounter } from '../../src/server/connectionCounter';

it('admits up to the per-address cap, each address on its own', () => {
  const counter = createConnectionCounter({ maxTotal: 10, maxPerAddress: 2 });
  expect([counter.admit('a'), counter.admit('a'), counter.admit('a'), counter.admit('b')]).toEqual([true, true, false, true]);
  expect(counter.total).toBe(3);
});

it('admits up to the total cap, whatever the address', () => {
  const counter = createConnectionCounter({ maxTotal: 2, maxPerAddress: 5 });
  expect([counter.admit('a'), counter.admit('b'), counter.admit('c')]).toEqual([true, true, false]);
});

it('frees a place on release, and ignores a release of an address with nothing open', () => {
  const counter = createConnectionCounter({ maxTotal: 2, maxPerAddress: 1 });
  expect(counter.admit('a')).toBe(true);
  expect(counter.admit('a')).toBe(false);
  counter.release('a');
  counter.release('a');
  counter.release('never-seen');
  expect(counter.total).toBe(0);
  expect([counter.admit('a'), counter.admit('b'), counter.admit('c')]).toEqual([true, true, false]);
});
