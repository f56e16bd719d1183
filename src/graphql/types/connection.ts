// Relay-style connections. `connectionType(Role, 'Role')` declares RoleEdge and RoleConnection;
// resolvers fill them with pagination.ts's `paginate`.
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a connection sits: read on with `after: endCursor` while `hasNextPage`.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more edges follow this page; read on with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Whether edges come before this page; read back with `last` and `before: startCursor`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page; null when the page is empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page, to pass as `after`; null when the page is empty.' })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export function connectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that points at it.` })
  class Edge {
    @Field(() => String, { description: 'Opaque; pass as `after` to read on (or as `before` to read back). Names the item and the commit the list was read at.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items (Relay connection): \`first\` items after the cursor \`after\`, or \`last\` items before \`before\`; cursors keep the commit the list was read at. The cost limit multiplies only \`edges\` by \`first\` or \`last\`: selecting just totalCount or pageInfo stays cheap.`,
  })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in order; at most `first` (or `last`).' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Cursors of this page and whether more follow.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Items in the whole list (every page, after any filter), not just this page.' })
    totalCount: number;
  }

  return Connection;
}
