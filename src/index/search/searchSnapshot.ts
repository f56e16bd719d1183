import type { SearchHit, Snapshot } from '../types';
import { checkSearchArgs, createSearchIndex, type SearchIndex } from './searchIndex';

/**
 * Snapshots are immutable, so an index built for one stays right for as long as the snapshot lives;
 * the WeakMap lets it go with the snapshot. Built on the first search, not with the snapshot:
 * most snapshots (history, diffs) are never searched.
 */
const indexes = new WeakMap<Snapshot, SearchIndex>();

export function searchIndexFor(snapshot: Snapshot): SearchIndex {
  let index = indexes.get(snapshot);
  if (index === undefined) {
    index = createSearchIndex(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}

export function searchSnapshot(snapshot: Snapshot, text: string, first?: number | null): SearchHit[] {
  // Check the arguments before building an index a bad request would not use.
  checkSearchArgs(text, first);
  return searchIndexFor(snapshot).search(text, { first });
}
