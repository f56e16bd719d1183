// The static cost of an operation, estimated from its text before it runs: graphql-armor's model
// (an object field costs 2, a scalar 1, each level of nesting weighs 1.5 times its children, a
// literal `first`/`last` multiplies what it pages) with one difference armor cannot express: a page
// size multiplies only what is paged — the list under the field — so a connection asked only for
// `totalCount` or `pageInfo` costs what one count costs, not a hundred times it.
//   roles(first: 100) { edges { node { history(first: 20) { totalCount } } } }   // ≈ 2,300, not ≈ 25,700
// Variables are invisible here (a `first: $n` multiplies by 1); the page cap in the GraphQL layer
// bounds those. Fragments count as the fields they contribute, each spread name once per selection,
// and every field's cost is computed once (memoised by node), so nested spreads cannot make the
// estimate itself exponential.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export const OBJECT_COST = 2;
export const SCALAR_COST = 1;
export const DEPTH_COST_FACTOR = 1.5;
/** Introspection is bounded by the schema, not by the client; GraphiQL's own query must always pass. */
const FREE_FIELDS = new Set(['__schema', '__type']);
const PAGE_ARGUMENTS = new Set(['first', 'last']);

export interface OperationCost {
  /** The estimate, rounded up to a whole number. */
  cost: number;
  /**
   * Dotted response path (aliases as written) of the deepest field whose selection makes up at
   * least half of the cost — the one to page less or select less under; when no field carries half,
   * the costliest root field. Null for an operation that selects nothing costly (only free fields).
   */
  mostExpensive: string | null;
}

interface FieldCost {
  cost: number;
  /** Each child field with the weight its cost carries into this field's cost. */
  children: Array<{ key: string; weight: number; result: FieldCost }>;
}

type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

/** Cost of one operation of a document that already passed (or is passing) validation against `schema`. */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragment: FragmentLookup): OperationCost {
  const memo = new WeakMap<FieldNode, FieldCost>();
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, mostExpensive: null };

  const inProgress = new Set<FieldNode>();
  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType | undefined): FieldCost => {
    const known = memo.get(node);
    if (known) return known;
    // A fragment that spreads itself (NoFragmentCyclesRule refuses the document) must not loop here.
    if (inProgress.has(node)) return { cost: 0, children: [] };
    inProgress.add(node);
    const result = computeFieldCost(node, parent);
    inProgress.delete(node);
    memo.set(node, result);
    return result;
  };
  const collectFields = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined) => collectFieldsOf(schema, set, parent, fragment);

  const computeFieldCost = (node: FieldNode, parent: GraphQLCompositeType | undefined): FieldCost => {
    if (FREE_FIELDS.has(node.name.value)) return { cost: 0, children: [] };
    if (!node.selectionSet) return { cost: SCALAR_COST, children: [] };
    const field = parent && 'getFields' in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[node.name.value] : undefined;
    const named = field ? getNamedType(field.type) : undefined;
    const childParent = named && isCompositeType(named) ? named : undefined;
    const pageSize = literalPageSize(node);
    // A list field pages its items itself; an object field (a connection) pages its list children.
    const listItself = field ? isListType(getNullableType(field.type)) : false;
    const children = collectFields(node.selectionSet, childParent).map(({ node: child, parent: childOwner }) => {
      const result = fieldCost(child, childOwner);
      const paged = !listItself && isListField(child, childOwner);
      return { key: child.alias?.value ?? child.name.value, weight: DEPTH_COST_FACTOR * (listItself || paged ? pageSize : 1), result };
    });
    const ownAndChildren = (listItself ? pageSize * OBJECT_COST : OBJECT_COST) + children.reduce((sum, c) => sum + c.weight * c.result.cost, 0);
    return { cost: ownAndChildren, children };
  };

  const rootFields = collectFields(operation.selectionSet, root).map(({ node, parent }) => ({
    key: node.alias?.value ?? node.name.value,
    weight: 1,
    result: fieldCost(node, parent),
  }));
  const total = rootFields.reduce((sum, f) => sum + f.result.cost, 0);
  return { cost: Math.ceil(total), mostExpensive: hottestPath(rootFields, total) };
}

/** Follows the costliest child down while it still carries at least half of `total`. */
function hottestPath(rootFields: FieldCost['children'], total: number): string | null {
  let level = rootFields;
  let weight = 1;
  const path: string[] = [];
  for (;;) {
    let best: FieldCost['children'][number] | undefined;
    for (const child of level) if (!best || child.weight * child.result.cost > best.weight * best.result.cost) best = child;
    if (!best || best.result.cost === 0) break;
    const share = weight * best.weight * best.result.cost;
    if (path.length > 0 && share * 2 < total) break;
    path.push(best.key);
    weight *= best.weight;
    level = best.result.children;
  }
  return path.length > 0 ? path.join('.') : null;
}

function literalPageSize(node: FieldNode): number {
  for (const arg of node.arguments ?? []) {
    if (PAGE_ARGUMENTS.has(arg.name.value) && arg.value.kind === Kind.INT) return Math.max(1, Number.parseInt(arg.value.value, 10));
  }
  return 1;
}

function isListField(node: FieldNode, parent: GraphQLCompositeType | undefined): boolean {
  if (!parent || !('getFields' in parent)) return false;
  const field = (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[node.name.value];
  return field ? isListType(getNullableType(field.type)) : false;
}

/** The fields a selection set contributes, fragments flattened, each named fragment spread once. */
function collectFieldsOf(
  schema: GraphQLSchema,
  set: SelectionSetNode,
  parent: GraphQLCompositeType | undefined,
  fragment: FragmentLookup,
  seen: Set<string> = new Set(),
): Array<{ node: FieldNode; parent: GraphQLCompositeType | undefined }> {
  const out: Array<{ node: FieldNode; parent: GraphQLCompositeType | undefined }> = [];
  // An unknown type condition keeps the enclosing type; validation refuses the document anyway.
  const narrowed = (typeName: string | undefined): GraphQLCompositeType | undefined => {
    const type = typeName ? schema.getType(typeName) : undefined;
    return type && isCompositeType(type) ? type : parent;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      out.push({ node: selection, parent });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      out.push(...collectFieldsOf(schema, selection.selectionSet, narrowed(selection.typeCondition?.name.value), fragment, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const definition = fragment(selection.name.value);
      if (definition) out.push(...collectFieldsOf(schema, definition.selectionSet, narrowed(definition.typeCondition.name.value), fragment, seen));
    }
  }
  return out;
}
