// Builds the executable schema from the type-graphql classes. Validation stays off: class-validator
// is not installed, and every argument check lives in the resolvers (pagination.ts, errors.ts).
import 'reflect-metadata';
import { GraphQLSchema, isInterfaceType, type GraphQLObjectType } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { mapFieldErrors } from './mapFieldErrors';
import { useDirectFieldResolvers } from './directResolvers';
import { dropPlainFieldResolvers } from './plainFields';
import { createRolegraphPubSub } from './pubsub';
import { resolvers } from './resolvers';
import { nodeTypeName, type TaggedNode } from './types/node.interface';

export interface BuildSchemaOptions {
  /** Where `headChanged` listens; give the same one to `publishHeadChanges`. Default: a fresh in-process one. */
  pubSub?: PubSub;
}

export async function buildRolegraphSchema(opts: BuildSchemaOptions = {}): Promise<GraphQLSchema> {
  // No globalMiddlewares: they would run every plain property field through an async chain (see mapFieldErrors).
  const schema = await buildSchema({
    resolvers,
    pubSub: opts.pubSub ?? createRolegraphPubSub(),
    validate: false,
    emitSchemaFile: false,
  });
  describeRootTypes(schema);
  resolveNodeTypeSynchronously(schema);
  return mapFieldErrors(useDirectFieldResolvers(dropPlainFieldResolvers(rootsFirst(schema)), resolvers));
}

/**
 * The same schema with its types in the order the root types reach them, so schema/schema.graphql
 * reads from `Query` down. type-graphql lists every implementation of an interface (Node) up front,
 * which would otherwise print Role before Query. Every type is reachable from a root here; if one
 * ever is not, the schema is returned as built rather than lose it.
 */
function rootsFirst(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const fromRoots = new GraphQLSchema({ ...config, types: [] });
  return config.types.every((type) => fromRoots.getType(type.name) === type) ? fromRoots : schema;
}

// type-graphql names the root types but has no option to describe them; their descriptions are set
// here, on the freshly built (not yet shared) schema.
const ROOT_DESCRIPTIONS = {
  query: 'Reads of the handbook at any commit. Every `at` argument takes a ref; omitted = the head of the tracked branch.',
  mutation: 'Operator actions; each needs `Authorization: Bearer <ROLEGRAPH_ADMIN_TOKEN>`.',
  subscription: 'Live updates over WebSocket (graphql-ws) at the GraphQL path.',
} as const;

function describeRootTypes(schema: GraphQLSchema): void {
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  for (const [kind, type] of Object.entries(roots) as Array<[keyof typeof ROOT_DESCRIPTIONS, GraphQLObjectType | null | undefined]>) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[kind];
  }
}

/**
 * type-graphql wraps every `resolveType` in an async function, so `Node`'s type arrives as a
 * promise. graphql-js awaits it; graphql-jit (src/server/jitPlugin.ts) cannot, and would answer
 * "Abstract type Node must resolve to an Object type". Our resolveType is a synchronous property
 * read, so it is put back as it is, with type-graphql's one rule kept (a missing name is undefined).
 */
function resolveNodeTypeSynchronously(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  node.resolveType = (value: TaggedNode) => nodeTypeName(value) ?? undefined;
}
