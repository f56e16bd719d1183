import { memoiseStrings } from '../../src/util';

describe('memoiseStrings', () => {
  it('answers a string it has seen with the same result, without calling again', () => {
    const calls: unknown[] = [];
    const upper = memoiseStrings((value) => {
      calls.push(value);
      return { text: String(value).toUpperCase() };
    }, 10);
    const first = upper('a');
    expect(upper('a')).toBe(first);
    expect(first).toEqual({ text: 'A' });
    expect(calls).toEqual(['a']);
  });

  it('passes anything but a string through every time', () => {
    const calls: unknown[] = [];
    const seen = memoiseStrings((value) => {
      calls.push(value);
      return typeof value;
    }, 10);
    expect(seen(1)).toBe('number');
    expect(seen(1)).toBe('number');
    expect(calls).toEqual([1, 1]);
  });

  it('remembers no error: a throwing input is asked again', () => {
    let calls = 0;
    const strict = memoiseStrings(() => {
      calls += 1;
      throw new TypeError('bad');
    }, 10);
    expect(() => strict('x')).toThrow('bad');
    expect(() => strict('x')).toThrow('bad');
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries strings, the least recently used going first', () => {
    const calls: unknown[] = [];
    const id = memoiseStrings((value) => {
      calls.push(value);
      return String(value);
    }, 2);
    id('a');
    id('b');
    id('a');
    id('c'); // evicts b
    id('a');
    id('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});
