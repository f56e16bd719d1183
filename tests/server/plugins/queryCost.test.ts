// The cost estimate on the real schema: a page size multiplies only the list it pages, fragments
// count as the fields they add, and the costliest field is named.
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildRolegraphSchema } from '../../../src/graphql';
import { operationCost, type OperationCost } from '../../../src/server/plugins/queryCost';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRolegraphSchema();
});

function costOf(source: string): OperationCost {
  const document: DocumentNode = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return operationCost(schema, operation, (name) => fragments.find((f) => f.name.value === name));
}

describe('operationCost', () => {
  it('costs a scalar 1 and an object 2 plus 1.5 times its children', () => {
    // repository: 2 + 1.5 × (branch 1 + url 1)
    expect(costOf('{ repository { branch url } }')).toEqual({ cost: 5, mostExpensive: 'repository' });
  });

  it('does not multiply a count by the page size of the connection it counts', () => {
    // roles: 2 + 1.5 × totalCount 1, whatever `first` is
    expect(costOf('{ roles(first: 100) { totalCount } }').cost).toBe(4);
    expect(costOf('{ roles(first: 100) { totalCount pageInfo { hasNextPage } } }').cost).toBe(costOf('{ roles(first: 1) { totalCount pageInfo { hasNextPage } } }').cost);
  });

  it('multiplies the paged list by the page size', () => {
    // edges 2 + 1.5 × (node 2 + 1.5 × title 1) = 7.25; roles 2 + 1.5 × 100 × 7.25
    expect(costOf('{ roles(first: 100) { edges { node { title } } } }').cost).toBe(1090);
    expect(costOf('{ roles(first: 10) { edges { node { title } } } }').cost).toBe(111);
  });

  it('multiplies a field that is itself a list by its page size', () => {
    // search: 50 × (2 + 1.5 × score 1)
    expect(costOf('{ search(text: "x", first: 50) { score } }').cost).toBe(175);
    expect(costOf('{ search(text: "x", first: 1) { score } }').cost).toBe(4);
  });

  it('names the deepest field carrying at least half of the cost', () => {
    const query = '{ repository { branch } roles(first: 100) { totalCount edges { node { id history(first: 100) { edges { node { commit { sha } } } } } } } }';
    expect(costOf(query).mostExpensive).toBe('roles.edges.node.history.edges.node.commit');
  });

  it('uses aliases in the named path', () => {
    expect(costOf('{ many: roles(first: 100) { edges { node { title } } } }').mostExpensive).toBe('many.edges.node');
  });

  it('counts fragment fields as the fields they add', () => {
    const inline = costOf('{ roles(first: 5) { edges { node { title grade } } } }').cost;
    expect(costOf('{ roles(first: 5) { edges { node { ...R } } } } fragment R on Role { title grade }').cost).toBe(inline);
    expect(costOf('{ roles(first: 5) { edges { node { ... on Role { title grade } } } } }').cost).toBe(inline);
  });

  it('stays linear on fragments spread many times inside each other', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Role { title }` : `fragment F${i} on Role { a: family { roles { ...F${i + 1} } } b: family { roles { ...F${i + 1} } } }`,
    ).join('\n');
    const started = Date.now();
    const { cost } = costOf(`{ role(id: "x") { ...F0 } } ${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(cost).toBeGreaterThan(1e9);
  });

  it('ends on a fragment that spreads itself (validation refuses the document)', () => {
    expect(costOf('{ role(id: "x") { ...F } } fragment F on Role { family { roles { ...F } } }').cost).toBeGreaterThan(0);
  });

  it('leaves introspection free', () => {
    expect(costOf('{ __schema { types { name fields { name } } } }')).toEqual({ cost: 0, mostExpensive: null });
  });
});
