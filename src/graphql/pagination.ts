// Relay-style pagination over an in-memory list. Cursors are opaque to clients: base64 of
// `o:<offset>`, so a stale cursor still points somewhere sensible after a refresh.
import { BadUserInputError } from '../index';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const CURSOR_PREFIX = 'o:';
/** What a decoded cursor must look like: the prefix and a non-negative decimal offset. */
const OFFSET_CURSOR = /^o:(\d{1,9})$/;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
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

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64');
}

export function decodeCursor(cursor: string): number {
  const match = OFFSET_CURSOR.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new BadUserInputError(`Invalid cursor: ${JSON.stringify(cursor.slice(0, 40))}`);
  return Number(match[1]);
}

/** `first` defaults to 20; 0..100 allowed; anything else is the client's mistake. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new BadUserInputError(`first must be between 0 and ${max}, got ${first}`);
  }
  return first;
}

/** Slices one page out of `items` and maps only the nodes on that page. */
export function paginate<T, N>(items: readonly T[], args: PageArgs, toNode: (item: T) => N): ConnectionData<N> {
  const size = pageSize(args.first);
  const start = args.after ? decodeCursor(args.after) + 1 : 0;
  const page = items.slice(start, start + size);
  const edges = page.map((item, i) => ({ cursor: encodeCursor(start + i), node: toNode(item) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + size < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges.length > 0 ? edges[0].cursor : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
    totalCount: items.length,
  };
}
