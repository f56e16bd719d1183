// Whether an operation's answer is fixed forever: every root field reads a snapshot named by a full
// 40-hex sha, and nothing under it reads the branch's whole history. Such an answer is a function
// of commits, which never change, so HTTP may keep it for a year (plugins/httpCaching.ts).
// Anything else — a branch, a tag, a date, an abbreviated sha, an omitted `at`, or a root field not
// listed here (so a field added later is never wrongly called immutable) — follows the head.
import { parseGlobalId } from '../../graphql';
import { rootFields } from './cacheableAnswer';
import { Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';

/** Root fields that read one or two snapshots, with the arguments naming them (all must be full shas). */
export const PINNABLE_ROOT_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  careerPaths: ['at'],
  commit: ['ref'],
  diff: ['from', 'to'],
  families: ['at'],
  family: ['at'],
  grades: ['at'],
  ladder: ['at'],
  role: ['at'],
  roles: ['at'],
  search: ['at'],
  validation: ['at'],
});

/** `Type.field`s whose answer grows with the branch whatever snapshot they are read from. */
export const HEAD_RELATIVE_FIELDS: ReadonlySet<string> = new Set(['Role.history', 'Query.roleHistory', 'Query.commits', 'Query.repository']);

/** A full commit sha as git prints it; an abbreviated one may become ambiguous as the repository grows. */
const FULL_SHA = /^[0-9a-f]{40}$/;

function stringValue(value: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): string | null {
  if (value?.kind === Kind.STRING) return value.value;
  if (value?.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

function namesFullShas(field: FieldNode, refArgs: readonly string[], variables: Readonly<Record<string, unknown>>): boolean {
  return refArgs.every((name) => {
    const ref = stringValue(field.arguments?.find((a) => a.name.value === name)?.value, variables);
    return ref !== null && FULL_SHA.test(ref);
  });
}

/** True when some field of the document (fragments included) is head-relative. */
function readsHeadRelativeField(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && HEAD_RELATIVE_FIELDS.has(`${parent.name}.${node.name.value}`)) found = true;
      },
    }),
  );
  return found;
}

/** True when the query's answer is fixed by the full shas it names (see the header). */
export function isPinnedToCommits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): boolean {
  if (operation.operation !== 'query') return false;
  const roots = rootFields(operation, document).filter((f) => f.name.value !== '__typename');
  if (roots.length === 0) return false;
  for (const field of roots) {
    // A global id names its object at a full sha (src/graphql/globalId.ts): `node` reads that state.
    if (field.name.value === 'node') {
      const id = stringValue(field.arguments?.find((a) => a.name.value === 'id')?.value, variables);
      if (id === null || parseGlobalId(id) === null) return false;
      continue;
    }
    const refArgs = PINNABLE_ROOT_FIELDS[field.name.value];
    if (!refArgs || !namesFullShas(field, refArgs, variables)) return false;
  }
  return !readsHeadRelativeField(schema, document);
}
