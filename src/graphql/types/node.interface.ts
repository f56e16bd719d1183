import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeTypeName } from '../globalId';

/** What `node(id:)` hands to type-graphql: the object plus the name of its type. */
export interface TaggedNode {
  readonly __typename: NodeTypeName;
}

/** The type a `Node` value is: the name `node(id:)` tagged it with. */
export function nodeTypeName(value: TaggedNode): NodeTypeName {
  return value.__typename;
}

// Relay global object identification. `node(id:)` (resolvers/node.resolver.ts) tags what it
// returns with its type name; everywhere else the field's own type says it.
@InterfaceType({
  description:
    'An object with a global id (Relay `Node`): an opaque id naming the object at its commit, so two different states never share one. Read any of them back with `node(id:)`.',
  resolveType: nodeTypeName,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id naming this object at its commit; pass it to `node(id:)`. See the README, "Object identity".' })
  id: string;
}
