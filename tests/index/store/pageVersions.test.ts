import { PageVersions } from '../../../src/index/store/pageVersions';

describe('PageVersions', () => {
  it('keeps one value per (path, blob): the same blob at two paths is two versions, a path two blobs too', () => {
    const map = new PageVersions<string>();
    map.set('a/x.md', 'b1', 'x1');
    map.set('a/y.md', 'b1', 'y1');
    map.set('a/x.md', 'b2', 'x2');
    map.set('a/x.md', 'b1', 'x1 again');
    expect(map.size).toBe(3);
    expect(map.get('a/x.md', 'b1')).toBe('x1 again');
    expect(map.get('a/y.md', 'b1')).toBe('y1');
    expect(map.get('a/y.md', 'b2')).toBeUndefined();
    expect(map.get('a/z.md', 'b1')).toBeUndefined();
    expect(map.has('a/x.md', 'b2')).toBe(true);
    expect(map.has('a/y.md', 'b2')).toBe(false);
  });

  it('looks up by equal strings, not the same string objects', () => {
    const map = new PageVersions<number>();
    map.set(['a', 'x.md'].join('/'), 'f'.repeat(40), 1);
    expect(map.get('a/x.md', `${'f'.repeat(20)}${'f'.repeat(20)}`)).toBe(1);
  });

  it('lists every version once, a path\'s versions together in the order first set', () => {
    const map = new PageVersions<number>();
    map.set('p', 'b1', 1);
    map.set('q', 'b1', 2);
    map.set('p', 'b2', 3);
    map.set('p', 'b1', 4);
    expect([...map.entries()]).toEqual([
      ['p', 'b1', 4],
      ['p', 'b2', 3],
      ['q', 'b1', 2],
    ]);
  });
});
