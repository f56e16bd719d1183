// When an answer may be kept by the HTTP answer cache (responseBytesCache.ts): no errors with data,
// and no root field whose answer is live state rather than a function of the snapshot. Kept apart
// from the cache's plumbing so a new uncacheable condition is one edit, here.
import { Kind, type DocumentNode, type FieldNode, type FormattedExecutionResult, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** `repository` answers status, lastError and lastRefreshAt, which change without a new head. */
export const DEFAULT_UNCACHEABLE_ROOT_FIELDS: readonly string[] = ['repository'];

/** The root fields of an operation, through inline fragments and fragment spreads (each spread once). */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): FieldNode[] {
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
  return fields;
}

export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  return new Set(rootFields(operation, document).map((field) => field.name.value));
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
