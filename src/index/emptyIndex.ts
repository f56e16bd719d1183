// An index with no job family at its head is a mistake (wrong repository, branch or folder), not
// an empty success: the refresh fails with a message naming the folders that were looked in, so
// `rolegraph index|lint|query` exit 1 and `/readyz` says why the server is not ready.
import { ANY_CONTENT_ROOT } from '../git';
import type { ContentRoots } from './contentRoots';
import { EmptyIndexError } from './errors';
import type { Snapshot } from './types';

/** Throws EmptyIndexError when `head` holds no page of kind `family`. */
export function assertHasFamilies(head: Snapshot, dir: string, roots: ContentRoots | null): void {
  if (head.families.some((f) => f.kind === 'family')) return;
  const at = head.commit.sha.slice(0, 12);
  const pages = head.families.length;
  if (dir !== ANY_CONTENT_ROOT) {
    const found = pages === 0 ? 'no pages there' : `${countOf(pages, 'page')}, none a job family`;
    throw new EmptyIndexError(`no job families at ${at}: looked in ${dir}: ${found}`);
  }
  const seen = [...(roots?.pages ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const folders = seen.length === 0 ? 'none found' : seen.map(([root, count]) => `${root} (${countOf(count, 'page')})`).join(', ');
  throw new EmptyIndexError(
    `no job families at ${at}: looked in every folder named job-families, at any depth: ${folders}; ` +
      'give --content-dir if the pages live elsewhere',
  );
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
