import MiniSearch from 'minisearch';
import { BadUserInputError } from '../errors';
import type { SearchHit, Snapshot } from '../types';
import { bestSnippet, snippetCandidates } from './snippet';
import { SEARCH_BOOST, SEARCH_FIELDS, toSearchDocument, type SearchDocument } from './searchDocument';

export const SEARCH_TEXT_MAX = 500;
export const SEARCH_FIRST_DEFAULT = 20;
export const SEARCH_FIRST_MAX = 100;

/** Allowed edit distance as a fraction of the term's length: one typo in a 5-9 letter word. */
export const SEARCH_FUZZY = 0.2;

export interface SearchOptions {
  /** Number of hits; default 20, capped at 100. */
  first?: number | null;
}

export interface SearchIndex {
  search(text: string, opts?: SearchOptions): SearchHit[];
}

/** Reject what a client should fix (empty or huge text, nonsense `first`) before touching the index. */
export function checkSearchArgs(text: string, first: number | null | undefined): { text: string; first: number } {
  const query = text.trim();
  if (query === '') throw new BadUserInputError('search text must not be empty');
  if (text.length > SEARCH_TEXT_MAX) {
    throw new BadUserInputError(`search text must be at most ${SEARCH_TEXT_MAX} characters, got ${text.length}`);
  }
  if (first === null || first === undefined) return { text: query, first: SEARCH_FIRST_DEFAULT };
  if (!Number.isInteger(first) || first < 1) {
    throw new BadUserInputError(`first must be a positive integer, got ${first}`);
  }
  return { text: query, first: Math.min(first, SEARCH_FIRST_MAX) };
}

/** Full-text index over the roles of one snapshot. Built eagerly; see searchSnapshot for the lazy cache. */
export function createSearchIndex(snapshot: Snapshot): SearchIndex {
  const mini = new MiniSearch<SearchDocument>({
    fields: [...SEARCH_FIELDS],
    idField: 'id',
    searchOptions: { boost: SEARCH_BOOST, prefix: true, fuzzy: SEARCH_FUZZY },
  });
  mini.addAll(snapshot.roles.map((role, i) => toSearchDocument(i, role, snapshot.familyBySlug.get(role.familySlug))));

  return {
    search(text, opts) {
      const args = checkSearchArgs(text, opts?.first);
      // MiniSearch already sorts by descending score; ties keep snapshot order (family slug, level).
      return mini
        .search(args.text)
        .slice(0, args.first)
        .map((result) => {
          const role = snapshot.roles[result.id as number];
          return { roleId: role.id, score: result.score, snippet: bestSnippet(snippetCandidates(role), result.terms) };
        });
    },
  };
}
