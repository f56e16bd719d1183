// Which operations are fixed by the shas they name, against the real schema.
import { parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildRolegraphSchema, createRolegraphPubSub } from '../../../src/graphql';
import { roleGlobalId } from '../../../src/graphql/globalId';
import { isPinnedToCommits } from '../../../src/server/plugins/pinnedOperation';

const SHA = '9fbb11cf946cc707b2a875623946c5657f89c4aa';
const OTHER = 'f9e0faf82de198342d39c0212b3d33f775d84b70';
let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildRolegraphSchema({ pubSub: createRolegraphPubSub() });
});

function pinned(text: string, variables: Record<string, unknown> = {}): boolean {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return isPinnedToCommits(schema, document, operation, variables);
}

describe('isPinnedToCommits', () => {
  it('is true when every root field names full shas, as literals or variables, through fragments', () => {
    expect(pinned(`{ grades(at: "${SHA}") { level } }`)).toBe(true);
    expect(pinned(`{ __typename diff(from: "${SHA}", to: "${OTHER}") { families { slug } } commit(ref: "${OTHER}") { message } }`)).toBe(true);
    expect(pinned('query ($at: String) { ...F } fragment F on Query { roles(at: $at, first: 5) { totalCount } }', { at: SHA })).toBe(true);
  });

  it('is false for anything that follows the head', () => {
    expect(pinned('{ grades { level } }')).toBe(false);
    expect(pinned(`{ grades(at: "${SHA.slice(0, 8)}") { level } }`)).toBe(false);
    expect(pinned(`{ grades(at: "${SHA.toUpperCase()}") { level } }`)).toBe(false);
    expect(pinned('{ grades(at: "main") { level } }')).toBe(false);
    expect(pinned('{ grades(at: "2021-04-12") { level } }')).toBe(false);
    expect(pinned(`{ diff(from: "${SHA}", to: "main") { families { slug } } }`)).toBe(false);
    expect(pinned('query ($at: String) { grades(at: $at) { level } }', {})).toBe(false);
    expect(pinned('{ __typename }')).toBe(false);
  });

  it('is false for root fields it does not list and for history that grows with the branch', () => {
    expect(pinned('{ repository { branch } }')).toBe(false);
    expect(pinned(`{ roleHistory(id: "a#b") { totalCount } }`)).toBe(false);
    expect(pinned(`{ commits { totalCount } }`)).toBe(false);
    expect(pinned(`{ role(id: "a#b", at: "${SHA}") { ...H } } fragment H on Role { history { totalCount } }`)).toBe(false);
    expect(pinned(`{ grades(at: "${SHA}") { roles { history(first: 1) { totalCount } } } }`)).toBe(false);
  });

  it('is true for node(id:) with a global id (it names its sha), false for anything else in its place', () => {
    const id = roleGlobalId('sales/x#y', SHA);
    expect(pinned(`{ node(id: "${id}") { id ... on Role { grade } } }`)).toBe(true);
    expect(pinned('query ($id: ID!) { node(id: $id) { id } }', { id })).toBe(true);
    expect(pinned(`{ node(id: "${id}") { ... on Role { history { totalCount } } } }`)).toBe(false);
    expect(pinned('{ node(id: "sales/x#y") { id } }')).toBe(false);
    expect(pinned(`{ node(id: "${id}") { id } grades { level } }`)).toBe(false);
  });

  it('is false for a mutation or a subscription', () => {
    expect(pinned('mutation { refresh { head { sha } } }')).toBe(false);
    expect(pinned('subscription { headChanged { head { sha } } }')).toBe(false);
  });
});
