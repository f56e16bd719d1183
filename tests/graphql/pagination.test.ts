import { cursorSha, decodeCursor, encodeCursor, paginate } from '../../src/graphql/pagination';

const letters = ['a', 'b', 'c', 'd', 'e'];
/** The commit the list is "read at": cursors carry it. */
const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

describe('paginate', () => {
  it("gives a page's first and last edge cursors as its start and end, and null for an empty page", () => {
    const page = paginate(letters, { first: 2, after: encodeCursor({ sha: SHA, offset: 1 }) }, (x) => x, SHA);
    expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[1].cursor);
    expect(decodeCursor(page.pageInfo.startCursor!)).toEqual({ sha: SHA, offset: 2 });
    expect(decodeCursor(page.pageInfo.endCursor!)).toEqual({ sha: SHA, offset: 3 });
    const empty = paginate([], { first: 2 }, (x) => x, SHA);
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false });
  });

  it('reads a list page by page through endCursor', () => {
    const first = paginate(letters, { first: 2 }, (x) => x.toUpperCase(), SHA);
    expect(first.edges.map((e) => e.node)).toEqual(['A', 'B']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(5);

    const second = paginate(letters, { first: 2, after: first.pageInfo.endCursor }, (x) => x, SHA);
    expect(second.edges.map((e) => e.node)).toEqual(['c', 'd']);

    const last = paginate(letters, { first: 2, after: second.pageInfo.endCursor }, (x) => x, SHA);
    expect(last.edges.map((e) => e.node)).toEqual(['e']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('reads backwards with last and before', () => {
    const end = paginate(letters, { last: 2 }, (x) => x, SHA);
    expect(end.edges.map((e) => e.node)).toEqual(['d', 'e']);
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const back = paginate(letters, { last: 2, before: end.pageInfo.startCursor }, (x) => x, SHA);
    expect(back.edges.map((e) => e.node)).toEqual(['b', 'c']);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const start = paginate(letters, { last: 2, before: back.pageInfo.startCursor }, (x) => x, SHA);
    expect(start.edges.map((e) => e.node)).toEqual(['a']);
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('reads the items between after and before, and before alone ends the page there', () => {
    const all = paginate(letters, { first: 5 }, (x) => x, SHA);
    const [a, , , d] = all.edges.map((e) => e.cursor);
    expect(paginate(letters, { after: a, before: d }, (x) => x, SHA).edges.map((e) => e.node)).toEqual(['b', 'c']);
    expect(paginate(letters, { before: d }, (x) => x, SHA).edges.map((e) => e.node)).toEqual(['a', 'b', 'c']);
  });

  it('defaults to 20 and allows 0..100', () => {
    const many = Array.from({ length: 150 }, (_, i) => i);
    expect(paginate(many, {}, (x) => x, SHA).edges).toHaveLength(20);
    expect(paginate(many, { first: 100 }, (x) => x, SHA).edges).toHaveLength(100);
    expect(paginate(many, { first: 0 }, (x) => x, SHA).edges).toHaveLength(0);
    expect(paginate(many, { last: 100 }, (x) => x, SHA).edges.map((e) => e.node)[0]).toBe(50);
  });

  it.each([101, -1, 2.5])('rejects %p as first or last (BAD_USER_INPUT)', (size) => {
    expect(() => paginate(letters, { first: size }, (x) => x, SHA)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => paginate(letters, { last: size }, (x) => x, SHA)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses first and last together', () => {
    expect(() => paginate(letters, { first: 1, last: 1 }, (x) => x, SHA)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'give first or last, not both' }));
  });

  it('puts the commit in every cursor and refuses a cursor of another commit', () => {
    const page = paginate(letters, { first: 2 }, (x) => x, SHA);
    expect(page.edges.map((e) => decodeCursor(e.cursor))).toEqual([
      { sha: SHA, offset: 0 },
      { sha: SHA, offset: 1 },
    ]);
    const foreign = encodeCursor({ sha: OTHER, offset: 1 });
    expect(() => paginate(letters, { first: 2, after: foreign }, (x) => x, SHA)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('cursors', () => {
  it('round-trip and name the commit the next page is read at', () => {
    const cursor = encodeCursor({ sha: SHA, offset: 7 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ sha: SHA, offset: 7 });
    expect(cursorSha({ after: cursor })).toBe(SHA);
    expect(cursorSha({ before: cursor })).toBe(SHA);
    expect(cursorSha({ first: 3 })).toBeNull();
  });

  it('refuses after and before from two different commits', () => {
    expect(() => cursorSha({ after: encodeCursor({ sha: SHA, offset: 1 }), before: encodeCursor({ sha: OTHER, offset: 3 }) })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('rejects cursors it did not make', () => {
    const b64 = (text: string): string => Buffer.from(text).toString('base64url');
    // The old offset-only cursor, an abbreviated sha, a negative offset, padding, garbage.
    for (const bad of ['', 'not base64 at all', b64('o:3'), b64(`c:${SHA.slice(0, 8)}:3`), b64(`c:${SHA}:-1`), `${b64(`c:${SHA}:3`)}==`, b64('x:3')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
