// Relay-style pagination over an in-memory list, forwards (`first`/`after`) and backwards
// (`last`/`before`). A cursor is opaque to clients: base64url of `c:<sha>:<offset>`, the commit the
// list was read at and the item's place in it. Resolvers read the next page at the cursor's commit
// (see `cursorSha`), so paging while the head moves neither skips nor repeats an item.
import { BadUserInputError } from '../index';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What a decoded cursor must look like: the prefix, a full commit id, a non-negative decimal offset. */
const PINNED_CURSOR = /^c:([0-9a-f]{40}|[0-9a-f]{64}):(\d{1,9})$/;
/** What base64url without padding may contain; Buffer's decoder would skip anything else silently. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Cursor {
  /** The commit the list was read at. */
  sha: string;
  /** The item's index in that list. */
  offset: number;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionData<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoData;
  totalCount: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`c:${cursor.sha}:${cursor.offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const plain = BASE64URL.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = PINNED_CURSOR.exec(plain);
  if (!match) throw new BadUserInputError(`Invalid cursor: ${JSON.stringify(cursor.slice(0, 40))}`);
  return { sha: match[1], offset: Number(match[2]) };
}

/**
 * The commit the page must be read at: the one its cursor(s) were issued at, null when the request
 * has no cursor (then `at`, or the head, decides). `after` and `before` from two different reads of
 * the list cannot be combined.
 */
export function cursorSha(args: PageArgs): string | null {
  const after = args.after ? decodeCursor(args.after) : null;
  const before = args.before ? decodeCursor(args.before) : null;
  if (after && before && after.sha !== before.sha) {
    throw new BadUserInputError('after and before come from lists read at different commits');
  }
  return (after ?? before)?.sha ?? null;
}

/** `first`/`last` default to 20; 0..100 allowed; anything else is the client's mistake. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE, name = 'first'): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new BadUserInputError(`${name} must be between 0 and ${max}, got ${first}`);
  }
  return first;
}

/** The window `[start, end)` of `length` items the arguments select (the Relay algorithm). */
function window(length: number, args: PageArgs, sha: string): { start: number; end: number } {
  if (args.first != null && args.last != null) throw new BadUserInputError('give first or last, not both');
  let start = 0;
  let end = length;
  for (const [name, value] of [['after', args.after], ['before', args.before]] as const) {
    if (!value) continue;
    const cursor = decodeCursor(value);
    // The resolver read the list at the cursor's commit; a mismatch is a bug, never a silent shift.
    if (cursor.sha !== sha) throw new BadUserInputError(`${name} was issued at another commit than this list`);
    if (name === 'after') start = Math.max(start, cursor.offset + 1);
    else end = Math.min(end, cursor.offset);
  }
  end = Math.max(end, start);
  // Without a size, read forwards, except when only `before` says where: then the page ends there.
  if (args.last != null || (args.first == null && args.before && !args.after)) {
    start = Math.max(start, end - pageSize(args.last, MAX_PAGE_SIZE, 'last'));
  } else {
    end = Math.min(end, start + pageSize(args.first));
  }
  return { start, end };
}

/**
 * An edge whose cursor is encoded when something reads it: most pages are asked for their nodes
 * and `pageInfo.endCursor` only, and a base64 cursor per edge was a visible share of a 50-role page.
 * graphql-js's default resolver reads `cursor` like any property, so a selected cursor is the same.
 */
class PageEdge<N> implements Edge<N> {
  constructor(
    readonly node: N,
    private readonly sha: string,
    private readonly offset: number,
  ) {}

  get cursor(): string {
    return encodeCursor({ sha: this.sha, offset: this.offset });
  }
}

/**
 * Slices one page out of `items`, the list as read at commit `sha`, and maps only the nodes on that
 * page. Its cursors carry `sha`.
 */
export function paginate<T, N>(items: readonly T[], args: PageArgs, toNode: (item: T) => N, sha: string): ConnectionData<N> {
  const { start, end } = window(items.length, args, sha);
  const edges: PageEdge<N>[] = items.slice(start, end).map((item, i) => new PageEdge(toNode(item), sha, start + i));
  return { edges, pageInfo: new PageBounds(edges, end < items.length, start > 0), totalCount: items.length };
}

/** A page's info, whose cursors are encoded when read, as an edge's are: a page asks for endCursor alone more often than not. */
class PageBounds<N> implements PageInfoData {
  constructor(
    private readonly edges: readonly PageEdge<N>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges.length > 0 ? this.edges[0].cursor : null;
  }

  get endCursor(): string | null {
    return this.edges.length > 0 ? this.edges[this.edges.length - 1].cursor : null;
  }
}
