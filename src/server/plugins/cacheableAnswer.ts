// When an answer may be kept by the HTTP answer cache (responseBytesCache.ts): no errors with data,
// and no root field whose answer is live state rather than a function of the snapshot. Kept apart
// from the cache's plumbing so a new uncacheable condition is one edit, here.
import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RolegraphContext } from '../../graphql';
import { Kind, type DocumentNode, type FieldNode, type FormattedExecutionResult, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** `repository` answers status, lastError and lastRefreshAt, which change without a new head. */
export const DEFAULT_UNCACHEABLE_ROOT_FIELDS: readonly string[] = ['repository'];

/**
 * Memoised per operation node: Apollo keeps parsed documents (its document store), so a repeated
 * query hands every plugin the same node, and several plugins ask this of each request (httpCaching
 * through isPinnedToCommits on every keepable answer, the others through rootFieldNames).
 */
const fieldsByOperation = new WeakMap<OperationDefinitionNode, readonly FieldNode[]>();
const namesByOperation = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

/** The root fields of an operation, through inline fragments and fragment spreads (each spread once). */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): readonly FieldNode[] {
  const known = fieldsByOperation.get(operation);
  if (known) return known;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) fields.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const frag = fragments.get(sel.name.value);
        if (frag) walk(frag.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  fieldsByOperation.set(operation, fields);
  return fields;
}

export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): ReadonlySet<string> {
  let names = namesByOperation.get(operation);
  if (!names) {
    names = new Set(rootFields(operation, document).map((field) => field.name.value));
    namesByOperation.set(operation, names);
  }
  return names;
}

/** True when the operation reads any of `fields` at its root: its answer is live state, never kept. */
export function selectsAnyRootField(operation: OperationDefinitionNode, document: DocumentNode, fields: ReadonlySet<string>): boolean {
  for (const name of rootFieldNames(operation, document)) if (fields.has(name)) return true;
  return false;
}

/** What a keepable answer is made of, for the plugins that keep it (the answer cache, HTTP caching). */
export interface KeepableAnswer {
  operation: OperationDefinitionNode;
  document: DocumentNode;
  result: FormattedExecutionResult;
}

/**
 * The answer's parts when it may be kept — a query, one clean result, status 200, no live root field
 * among `uncacheable` — else null. One rule for every cache that keeps answers.
 */
export function keepableAnswer(rc: GraphQLRequestContextWillSendResponse<BaseContext>, uncacheable: ReadonlySet<string>): KeepableAnswer | null {
  const { operation, document } = rc;
  const body = rc.response.body;
  if (operation?.operation !== 'query' || document === undefined || body.kind !== 'single') return null;
  if (!isCleanResult(body.singleResult) || (rc.response.http.status ?? 200) !== 200) return null;
  if (selectsAnyRootField(operation, document, uncacheable)) return null;
  return { operation, document, result: body.singleResult };
}

/**
 * What the keepers of answer bytes (the answer cache, single flight) note as an answer is sent: whether
 * it may be kept, the head it was computed at (a swap in between makes it stale) and its operation.
 */
export interface AnswerVerdict {
  keepable: boolean;
  head: string | null;
  operationName: string | null;
}

export function answerVerdict(rc: GraphQLRequestContextWillSendResponse<RolegraphContext>, uncacheable: ReadonlySet<string>): AnswerVerdict {
  return { keepable: keepableAnswer(rc, uncacheable) !== null, head: rc.contextValue.view?.head.commit.sha ?? null, operationName: rc.operationName ?? null };
}

/** An answer worth keeping: data and no errors (a timeout or INDEX_NOT_READY must not stick). */
export function isCleanResult(result: FormattedExecutionResult): boolean {
  return !result.errors?.length && result.data != null;
}
