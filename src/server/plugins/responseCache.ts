// Apollo Server plugin: answers a repeated query from memory. A query reads one pinned IndexView,
// and a view is immutable once built, so (operation text, operation name, variables, head sha of
// the pinned view) fully determines the answer; a refresh swaps in a view with a new head sha, and
// every older entry simply stops being asked for (the LRU bound drops it).
// Not cached: mutations and subscriptions, answers with errors (a timeout or INDEX_NOT_READY must
// not stick), requests before the first index (no pinned view), and operations reading the
// `repository` root field, whose status/lastError/lastRefreshAt change without a new head.
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { Kind, type DocumentNode, type FormattedExecutionResult, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { RolegraphContext } from '../../graphql/context';

export interface ResponseCacheOptions {
  /** Most answers kept; the least recently used goes first. */
  maxEntries: number;
  /** Root fields whose answer is live state rather than a function of the snapshot. */
  uncacheableRootFields?: readonly string[];
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export interface ResponseCachePlugin extends ApolloServerPlugin<RolegraphContext> {
  stats(): ResponseCacheStats;
}

export const DEFAULT_UNCACHEABLE_ROOT_FIELDS: readonly string[] = ['repository'];

/** The pinned view's head, or null when there is nothing immutable to key on. */
function headSha(ctx: RolegraphContext): string | null {
  return ctx.view?.head.commit.sha ?? null;
}

/** Root field names an operation selects, through inline fragments and fragment spreads. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) names.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const frag = fragments.get(sel.name.value);
        if (frag) walk(frag.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/** True when the operation reads any of `fields` at its root: its answer is live state, never kept. */
export function selectsAnyRootField(operation: OperationDefinitionNode, document: DocumentNode, fields: ReadonlySet<string>): boolean {
  for (const name of rootFieldNames(operation, document)) if (fields.has(name)) return true;
  return false;
}

/** An answer worth keeping: data and no errors (a timeout or INDEX_NOT_READY must not stick). */
export function isCleanResult(result: FormattedExecutionResult): boolean {
  return !result.errors?.length && result.data != null;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` share an entry. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function createResponseCachePlugin(opts: ResponseCacheOptions): ResponseCachePlugin {
  if (!Number.isInteger(opts.maxEntries) || opts.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  const uncacheable = new Set(opts.uncacheableRootFields ?? DEFAULT_UNCACHEABLE_ROOT_FIELDS);
  const entries = new LRUCache<string, FormattedExecutionResult>({ max: opts.maxEntries });
  let hits = 0;
  let misses = 0;

  return {
    stats: () => ({ hits, misses, size: entries.size }),
    async requestDidStart() {
      // Set once the operation is known to be cacheable and was not answered from memory.
      let missKey: string | null = null;
      return {
        async responseForOperation(rc) {
          const head = headSha(rc.contextValue);
          if (rc.operation.operation !== 'query' || head === null || !rc.source) return null;
          if (selectsAnyRootField(rc.operation, rc.document, uncacheable)) return null;
          const key = `${head}\0${rc.operationName ?? ''}\0${canonicalJson(rc.request.variables)}\0${rc.source}`;
          const cached = entries.get(key);
          if (!cached) {
            misses += 1;
            missKey = key;
            return null;
          }
          hits += 1;
          // A shallow copy: a later plugin adding `extensions` to this answer must not edit the entry.
          const response: GraphQLResponse = { http: rc.response.http, body: { kind: 'single', singleResult: { ...cached } } };
          return response;
        },
        async willSendResponse(rc) {
          if (missKey === null || rc.response.body.kind !== 'single') return;
          const result = rc.response.body.singleResult;
          if (!isCleanResult(result)) return;
          entries.set(missKey, { ...result });
        },
      };
    },
  };
}
