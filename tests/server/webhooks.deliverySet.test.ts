import { createDeliverySet } from '../../src/server/webhooks/deliverySet';

describe('createDeliverySet', () => {
  it('reports an id seen before, and forgets the least recently seen beyond capacity', () => {
    const set = createDeliverySet(2);
    expect(set.checkAndAdd('a')).toBe(false);
    expect(set.checkAndAdd('b')).toBe(false);
    expect(set.checkAndAdd('a')).toBe(true); // 'a' is now the newest
    expect(set.checkAndAdd('c')).toBe(false); // evicts 'b'
    expect(set.size).toBe(2);
    expect(set.checkAndAdd('a')).toBe(true);
    expect(set.checkAndAdd('b')).toBe(false);
  });
  it('rejects a capacity below one', () => {
    expect(() => createDeliverySet(0)).toThrow(RangeError);
  });
});
