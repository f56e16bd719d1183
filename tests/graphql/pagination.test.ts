import { decodeCursor, encodeCursor, paginate } from '../../src/graphql/pagination';

const letters = ['a', 'b', 'c', 'd', 'e'];

describe('paginate', () => {
  it('reads a list page by page through endCursor', () => {
    const first = paginate(letters, { first: 2 }, (x) => x.toUpperCase());
    expect(first.edges.map((e) => e.node)).toEqual(['A', 'B']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(5);

    const second = paginate(letters, { first: 2, after: first.pageInfo.endCursor }, (x) => x);
    expect(second.edges.map((e) => e.node)).toEqual(['c', 'd']);

    const last = paginate(letters, { first: 2, after: second.pageInfo.endCursor }, (x) => x);
    expect(last.edges.map((e) => e.node)).toEqual(['e']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('defaults to 20 and allows 0..100', () => {
    const many = Array.from({ length: 150 }, (_, i) => i);
    expect(paginate(many, {}, (x) => x).edges).toHaveLength(20);
    expect(paginate(many, { first: 100 }, (x) => x).edges).toHaveLength(100);
    expect(paginate(many, { first: 0 }, (x) => x).edges).toHaveLength(0);
  });

  it.each([101, -1, 2.5])('rejects first: %p as BAD_USER_INPUT', (first) => {
    expect(() => paginate(letters, { first }, (x) => x)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('rejects cursors it did not make', () => {
    expect(decodeCursor(encodeCursor(7))).toBe(7);
    for (const bad of ['', 'not base64 at all', Buffer.from('o:-1').toString('base64'), Buffer.from('x:3').toString('base64')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
